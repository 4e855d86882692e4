import asyncio
import time


async def download(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)  # stands in for a network call
    return f"{name}: done"


async def main() -> None:
    started = time.perf_counter()
    # Start all three, then wait until every one has finished.
    results = await asyncio.gather(
        download("weather", 1),
        download("news", 1),
        download("prices", 1),
    )
    print(", ".join(results))
    # About 1 s, not 3.
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
