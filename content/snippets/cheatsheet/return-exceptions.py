import asyncio


async def job(n: int) -> str:
    await asyncio.sleep(0.1)
    if n == 2:
        raise ValueError(f"job {n} failed")
    return f"job {n} ok"


async def main() -> None:
    results = await asyncio.gather(
        job(1), job(2), job(3), return_exceptions=True
    )
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        else:
            print("value:", r)


asyncio.run(main())
