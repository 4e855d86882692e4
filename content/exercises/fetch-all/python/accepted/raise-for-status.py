import asyncio

from course import ClientSession


async def fetch_all(urls: list[str]) -> list[str]:
    async with ClientSession() as session:

        async def fetch_text(url: str) -> str:
            async with session.get(url) as response:
                # aiohttp's own check: ClientResponseError names the status and the URL.
                response.raise_for_status()
                return await response.text()

        return list(await asyncio.gather(*map(fetch_text, urls)))
