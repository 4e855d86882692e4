import asyncio

from course import brew_coffee, fry_eggs, toast_bread


async def make_breakfast() -> list[str]:
    # Python 3.11's TaskGroup: every task starts at create_task; leaving the block waits for all of them.
    async with asyncio.TaskGroup() as group:
        coffee = group.create_task(brew_coffee())
        toast = group.create_task(toast_bread())
        eggs = group.create_task(fry_eggs())
    return [coffee.result(), toast.result(), eggs.result()]
