import asyncio


async def main() -> None:
    print("wait…")
    await asyncio.sleep(0.5)
    print("half a second later")
    await asyncio.sleep(0.5)
    print("and another")


asyncio.run(main())
