import asyncio
import time


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def report() -> None:
        print(f"timer ran at {round((loop.time() - start) * 1000)} ms")

    loop.call_later(0.1, report)  # Python's setTimeout
    time.sleep(1)  # blocks the thread, loop included
    print("blocking call done")
    await asyncio.sleep(0.2)  # a real pause: now the loop can run the timer


asyncio.run(main())
