import asyncio

stock = 10


async def sell(buyer: str, count: int) -> None:
    global stock
    left = stock  # read
    await asyncio.sleep(0.1)  # charge the card: other tasks run meanwhile
    stock = left - count  # write back what was read, minus this sale
    print(f"{buyer} bought {count}, stock now {stock}")


async def main() -> None:
    await asyncio.gather(sell("Ana", 3), sell("Ben", 2))
    print(f"stock: {stock}")


asyncio.run(main())
