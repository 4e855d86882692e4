# expect: fails slow-rejects "turns a failure into a normal result"
import asyncio


# Catches the timeout and only prints it, so a timed-out call looks like a success that returned None.
async def with_timeout(work, seconds):
    try:
        async with asyncio.timeout(seconds):
            return await work()
    except TimeoutError:
        print("timed out")
