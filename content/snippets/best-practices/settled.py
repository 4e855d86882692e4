import asyncio
import time


async def copy(db: str, secs: float):
    await asyncio.sleep(secs)
    if db == "db-2":
        raise OSError(f"{db}: disk full")
    return f"{db}: saved"


async def main() -> None:
    t0 = time.monotonic()
    # Every backup runs to the end.
    results = await asyncio.gather(
        copy("db-1", 0.3),
        copy("db-2", 0.1),
        copy("db-3", 0.2),
        return_exceptions=True,
    )
    for r in results:
        if isinstance(r, Exception):
            print(f"error: {r}")
        else:
            print(f"ok: {r}")
    took = time.monotonic() - t0
    print(f"took {round(took * 1000)} ms")


asyncio.run(main())
