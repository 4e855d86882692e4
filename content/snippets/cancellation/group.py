import asyncio


async def part(name: str, secs: float):
    try:
        await asyncio.sleep(secs)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if name == "body":
        raise ValueError(f"{name} broken")
    print(f"{name}: done")


async def build_page() -> None:
    async with asyncio.TaskGroup() as g:
        g.create_task(part("header", 0.1))
        g.create_task(part("body", 0.2))
        g.create_task(part("footer", 0.5))


async def main() -> None:
    try:
        await build_page()
    except* ValueError as failed:
        for err in failed.exceptions:
            print(f"page failed: {err}")


asyncio.run(main())
