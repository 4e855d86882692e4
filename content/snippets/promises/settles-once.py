import asyncio


async def main() -> None:
    order = asyncio.get_running_loop().create_future()
    order.add_done_callback(lambda f: print(f"callback: {f.result()}"))
    order.set_result("tea")
    try:
        order.set_result("coffee")  # a future settles once, too
    except asyncio.InvalidStateError as err:
        print(f"second set_result: {type(err).__name__}")
    print("main ends")
    await asyncio.sleep(0)  # give the loop a turn to run the callback


asyncio.run(main())
