# expect: fails within-limit "10 calls of fn were in flight at once"
import asyncio


# The semaphore is taken once, around the whole gather: inside it every job starts at once.
async def map_limit(items, limit, fn):
    slots = asyncio.Semaphore(limit)
    async with slots:
        return await asyncio.gather(*(fn(item) for item in items))
