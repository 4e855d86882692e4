import asyncio


# wait_for runs the work as a task; at the deadline it cancels that task, waits for
# it to stop, and raises TimeoutError.
async def with_timeout(work, seconds):
    return await asyncio.wait_for(work(), timeout=seconds)
