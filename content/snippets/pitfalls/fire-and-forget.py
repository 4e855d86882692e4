import asyncio


async def send_receipt(order: int) -> None:
    await asyncio.sleep(0.1)
    raise ConnectionError(
        f"mail down ({order})")


async def main() -> None:
    # fire and forget
    asyncio.create_task(send_receipt(42))
    await asyncio.sleep(0.3)
    print("order 42 done")


asyncio.run(main())  # logs the error
