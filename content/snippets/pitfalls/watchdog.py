import asyncio
import time


async def main() -> None:
    await asyncio.sleep(0.12)
    print("parsing a big report...")
    time.sleep(0.3)  # a blocking call
    print("parsed")
    await asyncio.sleep(0.12)


# Debug mode logs every step that holds
# the loop for more than 100 ms.
asyncio.run(main(), debug=True)
