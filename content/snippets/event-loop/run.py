import asyncio


async def main() -> None:
    print("main: start")
    await asyncio.sleep(0.5)
    print("main: done")


asyncio.run(main())  # create, run, close
print("back in plain code")
