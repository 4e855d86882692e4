# expect: fails runs "unpack a list with `*`"
import asyncio

from course import ClientSession


async def fetch_all(urls: list[str]) -> list[str]:
    async with ClientSession() as session:

        async def fetch_text(url: str) -> str:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.text()

        return await asyncio.gather([fetch_text(url) for url in urls])
