import asyncio
from concurrent.futures import (
    ProcessPoolExecutor,
)


# CPU work: the longest Collatz chain
# for a start below `limit`.
def longest(limit: int) -> int:
    best = 0
    for i in range(1, limit):
        steps, n = 0, i
        while n != 1:
            if n % 2:
                n = 3 * n + 1
            else:
                n //= 2
            steps += 1
        best = max(best, steps)
    return best


async def main() -> None:
    limits = [10_000, 20_000, 30_000]
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        answers = await asyncio.gather(*[
            # a process each
            loop.run_in_executor(
                pool, longest, n)
            for n in limits
        ])
    for n, steps in zip(limits, answers):
        print(f"{n}: {steps} steps")


if __name__ == "__main__":
    asyncio.run(main())
