import asyncio

from course import brew_coffee, fry_eggs, toast_bread


async def make_breakfast() -> list[str]:
    tasks = [asyncio.create_task(cook()) for cook in (brew_coffee, toast_bread, fry_eggs)]
    return [await task for task in tasks]
