# expect: fails calls-operation "never called"
import time


# Blocks the whole event loop for a guessed second instead of waiting for the operation.
async def main() -> None:
    print("Starting")
    time.sleep(1)
    print("Finished")
