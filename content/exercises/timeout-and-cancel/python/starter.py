import asyncio


# Waits for the work with a deadline. It raises at the right time, but the slow
# work keeps running after the deadline: nothing cancels it.
# Make the work stop when the deadline passes.
async def with_timeout(work, seconds):
    task = asyncio.create_task(work())
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if task in done:
        return task.result()
    raise TimeoutError(f"timed out after {seconds} s")
