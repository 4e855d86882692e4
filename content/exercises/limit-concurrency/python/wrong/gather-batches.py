# expect: fails pool-not-batches "fixed batches"
import asyncio


# Runs `limit` jobs, waits for all of them, then starts the next batch: a free slot waits for the slowest job.
async def map_limit(items, limit, fn):
    results = []
    for start in range(0, len(items), limit):
        results += await asyncio.gather(*(fn(item) for item in items[start:start + limit]))
    return results
