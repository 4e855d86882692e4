import asyncio

balance = 100


async def withdraw(lock: asyncio.Lock, who: str, amount: int) -> None:
    global balance
    async with lock:  # one withdrawal at a time, from its read to its write
        seen = balance
        await asyncio.sleep(0.1)  # asking the bank, say
        balance = seen - amount
        print(f"{who} took {amount}, balance {balance}")


async def main() -> None:
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(lock, "Kim", 30), withdraw(lock, "Lee", 50))
    print(f"balance: {balance}")


asyncio.run(main())
