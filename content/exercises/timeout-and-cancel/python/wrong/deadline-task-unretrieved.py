# expect: fails no-unhandled-rejection "Task exception was never retrieved: TimeoutError"
import asyncio


# A deadline of its own, in a task nobody awaits: when it raises, nobody retrieves the
# exception, and it is never cancelled when the work wins.
async def with_timeout(work, seconds):
    async def deadline():
        await asyncio.sleep(seconds)
        raise TimeoutError(f"timed out after {seconds} s")

    asyncio.create_task(deadline())
    async with asyncio.timeout(seconds):
        return await work()
