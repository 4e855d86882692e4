# expect: fails fast-result "never ran the work"
import asyncio
import time


# Polls with time.sleep, which blocks the event loop: the work's task never gets a turn.
async def with_timeout(work, seconds):
    task = asyncio.create_task(work())
    waited = 0.0
    while not task.done():
        if waited >= seconds:
            task.cancel()
            raise TimeoutError(f"timed out after {seconds} s")
        time.sleep(0.05)
        waited += 0.05
    return task.result()
