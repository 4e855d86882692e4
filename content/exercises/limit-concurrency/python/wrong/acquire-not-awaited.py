# expect: fails within-limit "10 calls of fn were in flight at once"
import asyncio


async def map_limit(items, limit, fn):
    slots = asyncio.Semaphore(limit)

    async def one(item):
        # Without await, acquire() only makes a coroutine that never runs: no slot is ever taken.
        slots.acquire()
        try:
            return await fn(item)
        finally:
            slots.release()

    return await asyncio.gather(*(one(item) for item in items))
