import asyncio

from course import operation


# A task, awaited before going on: the same wait, in a longer way.
async def main() -> None:
    print("Starting")
    task = asyncio.create_task(operation())
    result = await task
    print("Finished")
    return result
