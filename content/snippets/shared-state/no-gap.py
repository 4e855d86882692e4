import asyncio

stock = 10


async def sell(buyer: str, count: int) -> None:
    global stock
    await asyncio.sleep(0.1)  # charge the card first
    stock -= count  # no await between read and write
    print(f"{buyer} bought {count}, stock now {stock}")


async def main() -> None:
    await asyncio.gather(sell("Ana", 3), sell("Ben", 2))
    print(f"stock: {stock}")


asyncio.run(main())
