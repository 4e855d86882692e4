import asyncio


# acme answers at 0.3 s;
# tiny fails at 0.1 s.
async def price(shop: str) -> str:
    secs = 0.3 if shop == "acme" else 0.1
    await asyncio.sleep(secs)
    if shop == "tiny":
        raise OSError(f"{shop}: no answer")
    return f"{shop}: 12 EUR"


async def main() -> None:
    # Both tasks start now...
    acme = asyncio.create_task(
        price("acme"))
    tiny = asyncio.create_task(
        price("tiny"))
    try:
        # ...and `tiny` keeps its error
        # until someone awaits it.
        print(await acme)
        print(await tiny)
    except OSError as err:
        print(f"caught {err}")


asyncio.run(main())
