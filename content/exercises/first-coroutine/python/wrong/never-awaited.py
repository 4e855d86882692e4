# expect: fails calls-operation "only makes a coroutine"
from course import operation


# Calling a coroutine function only makes a coroutine: without await it never runs.
async def main() -> None:
    print("Starting")
    operation()
    print("Finished")
