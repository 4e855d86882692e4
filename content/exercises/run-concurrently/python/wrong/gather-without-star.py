# expect: fails runs "unpack a list with `*`"
import asyncio

from course import brew_coffee, fry_eggs, toast_bread


# gather takes the awaitables as separate arguments: a list has to be unpacked with *.
async def make_breakfast() -> list[str]:
    return await asyncio.gather([brew_coffee(), toast_bread(), fry_eggs()])
