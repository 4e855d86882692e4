import asyncio


async def check(name: str, secs: float, fails=False):
    await asyncio.sleep(secs)
    if fails:
        raise RuntimeError(f"{name} failed")
    return f"{name} ok"


async def main() -> None:
    tests = asyncio.create_task(check("tests", 0.2, True))
    build = asyncio.create_task(check("build", 0.6))
    try:
        # tests fails while we wait here;
        # its task keeps the exception...
        print(await build)
        # ...and raises it now.
        print(await tests)
    except RuntimeError as error:
        print(f"caught: {error}")


asyncio.run(main())
