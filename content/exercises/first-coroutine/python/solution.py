from course import operation


async def main() -> None:
    print("Starting")
    await operation()
    print("Finished")
