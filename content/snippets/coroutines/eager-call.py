import asyncio


async def greet() -> str:
    print("greet: running")
    return "hello"


async def main() -> None:
    pending = greet()  # a coroutine object
    print("called greet()")
    print(await pending)  # greet runs now


asyncio.run(main())
