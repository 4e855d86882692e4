import asyncio
import time


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    timer = asyncio.create_task(asyncio.sleep(0.1))
    await asyncio.sleep(0)  # let the timer start
    time.sleep(0.5)  # blocks the thread, loop too
    await timer
    took = loop.time() - start
    print(f"0.1 s timer done after {took:.1f} s")


asyncio.run(main())
