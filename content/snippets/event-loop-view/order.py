import asyncio


# The same program for asyncio: call_later plays setTimeout, and
# call_soon plays the promise callbacks and queueMicrotask.
async def main() -> None:
    loop = asyncio.get_running_loop()
    print("script starts")

    def timer_1() -> None:
        print("timer 1 fires")
        loop.call_soon(print, "promise callback queued by timer 1")

    loop.call_later(0, timer_1)
    loop.call_later(0, print, "timer 2 fires")
    loop.call_soon(print, "promise callback")
    loop.call_soon(print, "queueMicrotask callback")
    print("script ends")
    await asyncio.sleep(0.01)  # let the loop run everything queued


asyncio.run(main())
