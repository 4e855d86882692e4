# expect: fails fast-result "never ran the work"
import asyncio


# Returns the coroutine instead of awaiting it: with_timeout returns at once, and the work never runs.
async def with_timeout(work, seconds):
    async with asyncio.timeout(seconds):
        return work()
