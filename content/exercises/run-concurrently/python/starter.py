from course import brew_coffee, fry_eggs, toast_bread


# This kitchen does one thing at a time: 1 s + 0.6 s + 0.3 s.
# Make the three dishes cook at the same time.
async def make_breakfast() -> list[str]:
    coffee = await brew_coffee()
    toast = await toast_bread()
    eggs = await fry_eggs()
    return [coffee, toast, eggs]
