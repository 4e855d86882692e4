# expect: fails all-started-first "ran one after another"
from course import brew_coffee, fry_eggs, toast_bread


async def make_breakfast() -> list[str]:
    return [await brew_coffee(), await toast_bread(), await fry_eggs()]
