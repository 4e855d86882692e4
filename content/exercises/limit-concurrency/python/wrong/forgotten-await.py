# expect: fails each-once "never ran for items[0, 1, 2, 3, …]"
import asyncio


async def map_limit(items, limit, fn):
    slots = asyncio.Semaphore(limit)

    async def one(item):
        async with slots:
            return fn(item)  # the coroutine is returned, not awaited: the job never runs

    return await asyncio.gather(*(one(item) for item in items))
