import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1))
        for n in range(2, limit)
    )


async def main() -> None:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:  # other processes
        counts = await asyncio.gather(
            loop.run_in_executor(pool, count_primes, 20_000),
            loop.run_in_executor(pool, count_primes, 30_000),
        )
    print(f"primes below 20000 and 30000: {counts[0]}, {counts[1]}")


if __name__ == "__main__":
    asyncio.run(main())
