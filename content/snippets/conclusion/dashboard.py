import asyncio
import time


# A page of three panels, each from its own
# slow service.
async def load_panel(name, secs, deadline):
    # Cancels the sleep when the deadline passes:
    async with asyncio.timeout_at(deadline):
        await asyncio.sleep(secs)
    return f"{name} ({round(secs * 1000)} ms)"


async def main() -> None:
    started = time.perf_counter()
    # One deadline for the whole page:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    panels = [
        ("profile", 0.2),
        ("orders", 0.6),
        ("suggestions", 3.0),
    ]

    # Start them all, then wait until each one
    # has either succeeded or failed.
    results = await asyncio.gather(
        *(load_panel(n, s, deadline) for n, s in panels),
        return_exceptions=True,
    )

    for (name, _), result in zip(panels, results):
        if isinstance(result, Exception):
            why = type(result).__name__
            print(f"skipped: {name} ({why})")
        else:
            print(f"shown: {result}")
    took = time.perf_counter() - started
    print(f"page ready after {took:.1f} s")


asyncio.run(main())
