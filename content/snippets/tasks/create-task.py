import asyncio


async def check(name: str, secs: float) -> str:
    print(f"{name}: started")
    await asyncio.sleep(secs)
    print(f"{name}: passed")
    return f"{name} ok"


async def main() -> None:
    # Scheduled, not started yet:
    lint = asyncio.create_task(check("lint", 0.4))
    print("main: carrying on")
    # main pauses here, and lint gets its turn:
    print(await lint)


asyncio.run(main())
