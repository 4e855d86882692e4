import asyncio
import time


async def stubborn() -> str:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: caught CancelledError, and carried on")
    return "stubborn: finished anyway"


async def crunch() -> None:
    print("crunch: 0.5 s of blocking work")
    time.sleep(0.5)  # no await: nothing can get in
    print("crunch: done, now it pauses")
    await asyncio.sleep(0.1)  # the first place a cancel can land
    print("crunch: never printed")


async def main() -> None:
    loop = asyncio.get_running_loop()

    # 1. The task catches the cancellation and ignores it.
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    print(await task)

    # 2. The cancel is asked for at 0.1 s, while the task blocks.
    start = loop.time()
    task = asyncio.create_task(crunch())
    loop.call_later(0.1, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print(f"crunch cancelled at {loop.time() - start:.1f} s")


asyncio.run(main())
