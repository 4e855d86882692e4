import asyncio


async def save(file: str) -> int:
    await asyncio.sleep(0.2)
    print(f"saved {file}")
    return len(file)


async def main() -> None:
    # no await:
    size = save("notes.txt")
    print(f"size: {size}")
    print("main done")


asyncio.run(main())
