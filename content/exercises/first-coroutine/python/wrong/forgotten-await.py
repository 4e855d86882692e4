# expect: fails finished-after "before operation() finished"
import asyncio

from course import operation


# The task starts, but nothing waits for it: "Finished" comes first.
async def main() -> None:
    print("Starting")
    asyncio.create_task(operation())
    print("Finished")
