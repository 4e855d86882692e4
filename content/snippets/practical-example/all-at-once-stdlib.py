import asyncio
import time

CITIES = ("oslo", "lima", "cairo")
URLS = [f"https://weather.example/today/{c}" for c in CITIES]

# A stand-in for aiohttp, standard library only: the
# same calls, answered from this table after each
# URL's delay (in seconds) instead of over the network.
SERVER = {
    URLS[0]: (200, "Oslo: 4 °C, light rain", 0.3),
    URLS[1]: (200, "Lima: 19 °C, overcast", 0.8),
    URLS[2]: (200, "Cairo: 31 °C, sunny", 0.1),
}


class ClientResponseError(Exception):
    pass


class Response:
    def __init__(self, url: str) -> None:
        self.url = url
        self.status, self._body, self._delay = SERVER[url]

    async def __aenter__(self) -> "Response":
        await asyncio.sleep(self._delay)  # the network
        return self

    async def __aexit__(self, *exc: object) -> None:
        pass

    def raise_for_status(self) -> None:
        if self.status >= 400:
            raise ClientResponseError(f"{self.status}: {self.url}")

    async def text(self) -> str:
        return self._body


class ClientSession:
    async def __aenter__(self) -> "ClientSession":
        return self

    async def __aexit__(self, *exc: object) -> None:
        pass

    def get(self, url: str) -> Response:
        return Response(url)


# From here on, the aiohttp program without "aiohttp.".
async def fetch_text(session, url: str) -> str:
    async with session.get(url) as response:
        # A 404 or 500 raises ClientResponseError:
        response.raise_for_status()
        return await response.text()


async def main() -> None:
    started = time.perf_counter()
    # One session (a connection pool) for all requests:
    async with ClientSession() as session:
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
