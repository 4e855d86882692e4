# expect: fails signal-aborted "never cancelled"
import asyncio


# Races the work against a sleep and tidies up the sleep, but never cancels the work:
# the caller gets its error at the deadline while the slow work carries on.
async def with_timeout(work, seconds):
    job = asyncio.create_task(work())
    deadline = asyncio.create_task(asyncio.sleep(seconds))
    await asyncio.wait({job, deadline}, return_when=asyncio.FIRST_COMPLETED)
    if job.done():
        deadline.cancel()
        return job.result()
    raise TimeoutError(f"timed out after {seconds} s")
