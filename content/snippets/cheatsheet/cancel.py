import asyncio


async def download() -> None:
    try:
        for part in range(1, 10):
            await asyncio.sleep(0.2)
            print(f"part {part}")
    except asyncio.CancelledError:
        print("download cancelled")
        raise


async def main() -> None:
    task = asyncio.create_task(download())
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation")


asyncio.run(main())
