import asyncio


class Declined(Exception):
    pass


async def charge(card: str) -> str:
    await asyncio.sleep(0.2)  # the bank
    if card.startswith("0000"):
        raise Declined(f"{card} declined")
    return f"charged {card}"


async def checkout(card: str) -> None:
    print(f"checkout with {card}")
    try:
        # the exception is raised here
        print(await charge(card))
    except Declined as err:
        print(f"failed: {err}")
    finally:
        print("basket unlocked")


async def main() -> None:
    await checkout("4242 4242")
    await checkout("0000 0000")


asyncio.run(main())
