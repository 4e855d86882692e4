# needs: aiohttp
import asyncio
import time

import aiohttp

CITIES = ("oslo", "lima", "cairo")
URLS = [f"https://weather.example/today/{c}" for c in CITIES]


async def fetch_text(session, url: str) -> str:
    async with session.get(url) as response:
        # A 404 or 500 raises ClientResponseError:
        response.raise_for_status()
        return await response.text()


async def main() -> None:
    started = time.perf_counter()
    # One session (a connection pool) for all requests:
    async with aiohttp.ClientSession() as session:
        tasks = [
            asyncio.create_task(fetch_text(session, url))
            for url in URLS
        ]
        reports = await asyncio.gather(*tasks)
    for report in reports:
        print(report)
    took = time.perf_counter() - started
    print(f"{len(reports)} reports in {took:.1f} s")


asyncio.run(main())
