# expect: fails elapsed "are you awaiting each request inside the loop?"
from course import ClientSession


async def fetch_all(urls: list[str]) -> list[str]:
    bodies = []
    async with ClientSession() as session:
        for url in urls:
            async with session.get(url) as response:
                response.raise_for_status()
                bodies.append(await response.text())
    return bodies
