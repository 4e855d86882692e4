import asyncio


async def report(ms: int) -> str:
    await asyncio.sleep(ms / 1000)
    return f"report ready after {ms} ms"


async def main() -> None:
    for ms in [300, 2000]:
        try:
            # cancels the block after 1 s
            async with asyncio.timeout(1):
                print(await report(ms))
        except TimeoutError as err:
            name = type(err).__name__
            print(f"gave up: {name}")


asyncio.run(main())
