import asyncio


async def map_limit(items, limit, fn):
    # A pool: `limit` workers take (index, item) pairs from one queue until it is empty.
    queue = asyncio.Queue()
    for pair in enumerate(items):
        queue.put_nowait(pair)
    results = [None] * len(items)

    async def worker():
        while not queue.empty():
            index, item = queue.get_nowait()
            results[index] = await fn(item)

    await asyncio.gather(*(worker() for _ in range(min(limit, len(items)))))
    return results
