import asyncio
import time


async def check(name: str, secs: float) -> str:
    print(f"{name}: started")
    await asyncio.sleep(secs)
    print(f"{name}: passed")
    return f"{name} ok"


async def main() -> None:
    started = time.perf_counter()
    results = await asyncio.gather(
        check("lint", 0.4),
        check("tests", 0.9),
        check("build", 0.6),
    )
    # In the order given, not the order finished:
    print(", ".join(results))
    took = time.perf_counter() - started
    print(f"all checks: {took:.1f} s")


asyncio.run(main())
