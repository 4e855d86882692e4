import asyncio


async def step(name: str, secs: float, fail: bool = False) -> str:
    try:
        await asyncio.sleep(secs)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise RuntimeError(f"{name} failed")
    print(f"{name} done")
    return name


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(step("a", 0.1))
            group.create_task(step("b", 0.2, fail=True))
            group.create_task(step("c", 0.5))
    except* RuntimeError as failed:
        for error in failed.exceptions:
            print("group failed:", error)


asyncio.run(main())
