import asyncio


async def ping(region: str, ms: int) -> str:
    await asyncio.sleep(ms / 1000)
    return f"{region} answered in {ms} ms"


async def main() -> None:
    pings = [
        ping("europe", 300),
        ping("americas", 100),
        ping("asia", 200),
    ]
    # Handle each one the moment it settles.
    for fut in asyncio.as_completed(pings):
        print(await fut)
    print("all regions answered")


asyncio.run(main())
