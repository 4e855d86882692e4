# expect: fails runs "unpack a list with `*`"
import asyncio


async def map_limit(items, limit, fn):
    slots = asyncio.Semaphore(limit)

    async def one(item):
        async with slots:
            return await fn(item)

    return await asyncio.gather([one(item) for item in items])
