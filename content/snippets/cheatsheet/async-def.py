import asyncio


async def add(a: int, b: int) -> int:
    await asyncio.sleep(0.1)  # may pause here
    return a + b


async def main() -> None:
    pending = add(2, 3)  # nothing has run yet
    print(await pending)  # runs now: 5


asyncio.run(main())
