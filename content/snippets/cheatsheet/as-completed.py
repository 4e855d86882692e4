import asyncio


async def job(name: str, secs: float) -> str:
    await asyncio.sleep(secs)
    return name


async def main() -> None:
    jobs = [job("slow", 0.3), job("fast", 0.1), job("mid", 0.2)]
    for next_done in asyncio.as_completed(jobs):
        print(await next_done)


asyncio.run(main())
