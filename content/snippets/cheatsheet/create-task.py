import asyncio


async def brew(name: str, secs: float) -> str:
    await asyncio.sleep(secs)
    print(f"{name} ready")
    return name


async def main() -> None:
    tea = asyncio.create_task(brew("tea", 0.3))
    print("tea started")
    await brew("toast", 0.1)
    print(await tea)


asyncio.run(main())
