# expect: fails within-limit "Every job started at the same moment"
import asyncio
import time


# Spaces the jobs out with time.sleep, which blocks the event loop: no task runs until
# the loop ends, and then every one of them starts at once.
async def map_limit(items, limit, fn):
    tasks = []
    for item in items:
        tasks.append(asyncio.create_task(fn(item)))
        time.sleep(0.1)
    return await asyncio.gather(*tasks)
