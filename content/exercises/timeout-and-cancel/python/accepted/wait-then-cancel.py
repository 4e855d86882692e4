import asyncio


# The starter's asyncio.wait, finished: at the deadline the task is cancelled, and
# awaited so that it has stopped before the error goes to the caller.
async def with_timeout(work, seconds):
    task = asyncio.create_task(work())
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if task in done:
        return task.result()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    raise TimeoutError(f"timed out after {seconds} s")
