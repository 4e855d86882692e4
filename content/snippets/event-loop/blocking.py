import asyncio
import time


async def tick() -> None:
    for n in range(3):
        print(f"tick {n}")
        await asyncio.sleep(0.1)


async def main() -> None:
    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)  # let tick start
    time.sleep(1)  # blocks the whole loop
    print("blocking call done")
    await ticker


asyncio.run(main())
