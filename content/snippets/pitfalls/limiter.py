import asyncio
import time

t0 = time.monotonic()


def now() -> int:
    elapsed = time.monotonic() - t0
    return round(elapsed * 1000)


async def main() -> None:
    gate = asyncio.Semaphore(2)

    async def job(n: int, ms: int) -> None:
        async with gate:  # 2 inside at most
            print(f"start {n}: {now()} ms")
            await asyncio.sleep(ms / 1000)

    times = [300, 100, 150, 100, 50]
    await asyncio.gather(*(
        job(i + 1, ms)
        for i, ms in enumerate(times)
    ))
    print(f"all done: {now()} ms")


asyncio.run(main())
