import asyncio

from course import ClientSession


async def fetch_text(session: ClientSession, url: str) -> str:
    async with session.get(url) as response:
        # Like fetch, the request succeeds for 404 and 500 too: raise for them.
        if response.status >= 400:
            raise RuntimeError(f"GET {url} failed: {response.status} {response.reason}")
        return await response.text()


# One request per URL, all in flight at once; gather keeps the order of urls.
async def fetch_all(urls: list[str]) -> list[str]:
    async with ClientSession() as session:
        return await asyncio.gather(*(fetch_text(session, url) for url in urls))
