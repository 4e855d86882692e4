import asyncio


async def check(name: str, secs: float, fails=False):
    await asyncio.sleep(secs)
    if fails:
        raise RuntimeError(f"{name} failed")
    print(f"{name}: passed")
    return f"{name} ok"


async def main() -> None:
    try:
        await asyncio.gather(
            check("lint", 0.4),
            check("tests", 0.2, fails=True),
            check("build", 0.6),
        )
    except RuntimeError as error:
        print(f"caught: {error}")
    # The other two are still running:
    await asyncio.sleep(0.5)
    print("main: done")


asyncio.run(main())
