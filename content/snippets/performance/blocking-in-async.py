import asyncio
import time


# `async def` on the outside, a blocking wait on the inside.
async def work(n: int) -> str:
    time.sleep(1)  # holds the thread, and with it the whole event loop
    print(f"work {n} done")
    return f"result {n}"


async def main() -> None:
    started = time.perf_counter()
    results = await asyncio.gather(work(1), work(2), work(3))
    print(", ".join(results))
    print(f"took about {time.perf_counter() - started:.1f} s")


asyncio.run(main())
