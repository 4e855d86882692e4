import asyncio


async def map_limit(items, limit, fn):
    slots = asyncio.Semaphore(limit)

    async def one(item):
        async with slots:
            return await fn(item)

    # Coroutines made up front are fine: fn's job starts only when its coroutine runs, inside the slot.
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(item)) for item in items]
    return [task.result() for task in tasks]
