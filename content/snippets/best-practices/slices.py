import asyncio
import time

start = time.monotonic()


def ms() -> int:
    elapsed = time.monotonic() - start
    return round(elapsed * 1000)


async def crunch(job: str) -> None:
    for part in range(1, 4):
        time.sleep(0.05)  # 50 ms of CPU
        print(job, part, f"at {ms()} ms")
        # let the others in
        await asyncio.sleep(0)


async def main() -> None:
    await asyncio.gather(
        crunch("thumbnails"),
        crunch("checksums"),
    )


asyncio.run(main())
