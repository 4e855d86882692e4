import asyncio
import time


async def load(n: int) -> str:
    await asyncio.sleep(0.1 * n)
    return f"page {n}"


async def main() -> None:
    start = time.perf_counter()
    pages = await asyncio.gather(load(3), load(1), load(2))
    print(", ".join(pages))
    print(f"{time.perf_counter() - start:.1f} s")


asyncio.run(main())
