import asyncio
import time


async def work(n: int) -> str:
    await asyncio.sleep(1)  # non-blocking...
    print(f"work {n} done")
    return f"result {n}"


async def main() -> None:
    started = time.perf_counter()
    results = []
    for n in [1, 2, 3]:
        results.append(await work(n))  # ...but each one starts only when the last has finished
    print(", ".join(results))
    print(f"took about {time.perf_counter() - started:.1f} s")


asyncio.run(main())
