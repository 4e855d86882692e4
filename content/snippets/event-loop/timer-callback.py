import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()

    def timer_1() -> None:
        print("timer 1")
        loop.call_soon(print, "callback queued by timer 1")

    loop.call_later(0.1, timer_1)
    loop.call_later(0.1, print, "timer 2")
    await asyncio.sleep(0.2)  # keep the loop running past both timers


asyncio.run(main())
