# expect: fails http-error "A request succeeds even for HTTP errors"
import asyncio

from course import ClientSession


async def fetch_all(urls: list[str]) -> list[str]:
    async with ClientSession() as session:

        async def fetch_text(url: str) -> str:
            async with session.get(url) as response:
                return await response.text()

        return await asyncio.gather(*(fetch_text(url) for url in urls))
