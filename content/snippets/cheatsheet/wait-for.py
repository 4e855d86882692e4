import asyncio


async def slow() -> str:
    await asyncio.sleep(2)
    return "finally"


async def main() -> None:
    try:
        print(await asyncio.wait_for(slow(), timeout=0.5))
    except TimeoutError:
        print("gave up after 0.5 s")
    try:
        async with asyncio.timeout(0.5):  # 3.11+
            print(await slow())
    except TimeoutError:
        print("gave up again")


asyncio.run(main())
