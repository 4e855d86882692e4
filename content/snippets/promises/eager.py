# python: 3.12
import asyncio


async def job() -> None:
    print("job: starts")
    await asyncio.sleep(0)
    print("job: ends")


async def main() -> None:
    # Python 3.12: start every new task the JavaScript way
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(job())
    print("main: task created")
    await task


asyncio.run(main())
