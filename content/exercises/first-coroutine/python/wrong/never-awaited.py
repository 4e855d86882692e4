# expect: fails finished-after "there is no operation() call"
from course import operation


# Calling a coroutine function only makes a coroutine: without await it never runs.
async def main() -> None:
    print("Starting")
    operation()
    print("Finished")
