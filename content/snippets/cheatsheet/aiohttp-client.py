# needs: aiohttp
import asyncio

import aiohttp

URLS = [
    "https://api.example.com/users/1",
    "https://api.example.com/users/2",
]


async def fetch(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.text()


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        bodies = await asyncio.gather(*(fetch(session, u) for u in URLS))
    for body in bodies:
        print(body)


asyncio.run(main())
