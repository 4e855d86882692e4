import asyncio
import time


async def work(n: int) -> str:
    await asyncio.sleep(1)  # pauses this coroutine; the event loop runs the others
    print(f"work {n} done")
    return f"result {n}"


async def main() -> None:
    started = time.perf_counter()
    results = await asyncio.gather(work(1), work(2), work(3))
    print(", ".join(results))
    print(f"took about {time.perf_counter() - started:.1f} s")


asyncio.run(main())
