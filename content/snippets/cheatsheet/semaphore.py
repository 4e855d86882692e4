import asyncio


async def job(n: int, limit: asyncio.Semaphore) -> int:
    async with limit:  # at most 2 inside at once
        print(f"start {n}")
        await asyncio.sleep(0.1)
        return n * n


async def main() -> None:
    limit = asyncio.Semaphore(2)
    results = await asyncio.gather(
        *(job(n, limit) for n in range(1, 6))
    )
    print(", ".join(map(str, results)))


asyncio.run(main())
