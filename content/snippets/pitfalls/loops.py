import asyncio
import time

t0 = time.monotonic()


def ms() -> int:
    elapsed = time.monotonic() - t0
    return round(elapsed * 1000)


async def upload(file: str) -> None:
    await asyncio.sleep(0.1)
    print(f"{file} at {ms()} ms")


async def main() -> None:
    files = ["a.png", "b.png", "c.png"]

    # One after another: for with await.
    for file in files:
        await upload(file)
    print(f"in turn: {ms()} ms")

    # All at once: gather.
    await asyncio.gather(
        *map(upload, files))
    print(f"together: {ms()} ms")


asyncio.run(main())
