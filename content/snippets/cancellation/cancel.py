import asyncio


async def render() -> str:
    try:
        for pct in [25, 50, 75, 100]:
            # cancel() raises CancelledError
            # at whichever await is waiting
            await asyncio.sleep(0.2)
            print(f"render {pct}%")
        return "video.mp4"
    finally:
        print("temp files removed")


async def main() -> None:
    task = asyncio.create_task(render())
    await asyncio.sleep(0.5)
    task.cancel()  # user clicks Cancel
    try:
        await task
    except asyncio.CancelledError:
        print("render cancelled")


asyncio.run(main())
