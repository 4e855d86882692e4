import asyncio


async def map_limit(items, limit, fn):
    # A task per item, but each waits for one of `limit` slots before it calls fn.
    slots = asyncio.Semaphore(limit)

    async def one(item):
        async with slots:
            return await fn(item)

    # gather keeps the order of the items, whatever order the jobs finish in.
    return await asyncio.gather(*(one(item) for item in items))
