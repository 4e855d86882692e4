from course import ClientSession


# Fetches one URL after another: correct order, but as slow as all the
# latencies added up, and an HTTP error slips through as if it were data.
async def fetch_all(urls: list[str]) -> list[str]:
    bodies = []
    async with ClientSession() as session:
        for url in urls:
            async with session.get(url) as response:
                bodies.append(await response.text())
    return bodies
