import asyncio

stock = 10


async def sell(lock: asyncio.Lock, buyer: str, count: int) -> None:
    global stock
    async with lock:  # wait until no other sale holds it
        left = stock
        await asyncio.sleep(0.1)
        stock = left - count
        print(f"{buyer} bought {count}, stock now {stock}")
    # leaving the block releases it, even on an error


async def main() -> None:
    lock = asyncio.Lock()  # one lock, shared by every sale
    await asyncio.gather(sell(lock, "Ana", 3), sell(lock, "Ben", 2))
    print(f"stock: {stock}")


asyncio.run(main())
