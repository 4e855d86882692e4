import asyncio


# "Task exception was never retrieved" is logged when the failed task is
# destroyed: at once if nothing refers to it, later while something does.
async def risky() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("nobody is listening")


async def main() -> None:
    held = asyncio.create_task(risky())  # kept in a variable, never awaited
    await asyncio.sleep(0.2)
    print("0.2 s: the task failed long ago, and nothing is logged yet")
    del held  # the last reference goes: the task is destroyed, and logged
    print("after del")
    await asyncio.sleep(0.1)
    print("main finished")


asyncio.run(main())
