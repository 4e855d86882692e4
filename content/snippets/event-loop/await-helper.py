import asyncio


async def helper() -> None:
    print("helper runs")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback from the loop")
    await helper()  # runs helper straight through: no turn for the loop
    print("main: after await helper()")
    await asyncio.sleep(0)  # a real pause: the loop runs the callback
    print("main: after await sleep(0)")


asyncio.run(main())
