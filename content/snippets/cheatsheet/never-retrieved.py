import asyncio


async def risky() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("nobody is listening")


async def main() -> None:
    asyncio.create_task(risky())  # never awaited
    await asyncio.sleep(0.2)
    print("main finished")


asyncio.run(main())
# At 0.1 s, as soon as nothing refers to the failed task any more,
# asyncio logs "Task exception was never retrieved" (an error, on stderr).
