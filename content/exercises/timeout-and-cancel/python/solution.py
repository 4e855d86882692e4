import asyncio


# asyncio.timeout cancels the task running this code when the deadline passes: the
# work, awaited here, is cancelled at its next await, and leaving the block turns
# that cancellation into TimeoutError. When the work wins, the deadline is dropped.
async def with_timeout(work, seconds):
    async with asyncio.timeout(seconds):
        return await work()
