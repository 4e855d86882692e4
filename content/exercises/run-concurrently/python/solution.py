import asyncio

from course import brew_coffee, fry_eggs, toast_bread


async def make_breakfast() -> list[str]:
    # gather wraps each coroutine in a task, so all three start now; it returns their results in the order given.
    coffee, toast, eggs = await asyncio.gather(brew_coffee(), toast_bread(), fry_eggs())
    return [coffee, toast, eggs]
