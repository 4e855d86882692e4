import asyncio


async def risky() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("nobody is listening")


async def main() -> None:
    asyncio.create_task(risky())  # never awaited
    await asyncio.sleep(0.2)
    print("main finished")


asyncio.run(main())
# later, on stderr: Task exception was never retrieved
