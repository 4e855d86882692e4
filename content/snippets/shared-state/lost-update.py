import asyncio

stock = 10


async def sell(buyer: str, count: int) -> None:
    global stock
    left = stock  # read
    await asyncio.sleep(0.1)  # charge the card (others run now)
    stock = left - count  # write
    print(f"{buyer} bought {count}, stock now {stock}")


async def main() -> None:
    await asyncio.gather(sell("Ana", 3), sell("Ben", 2))
    print(f"stock: {stock}")


asyncio.run(main())
