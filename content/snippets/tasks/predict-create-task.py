import asyncio


async def job(name: str) -> None:
    print(f"{name}: starts")
    await asyncio.sleep(0)
    print(f"{name}: ends")


async def main() -> None:
    task = asyncio.create_task(job("job"))
    print("main: task created")
    await asyncio.sleep(0)
    print("main: after sleep(0)")
    await task


asyncio.run(main())
