import asyncio
from contextlib import asynccontextmanager

URLS = [
    "https://api.example.com/users/1",
    "https://api.example.com/users/2",
]
# Stand-in server: body and delay (s) per URL.
PAGES = {URLS[0]: ("Ada", 0.3), URLS[1]: ("Grace", 0.1)}


class Response:
    def __init__(self, status: int, body: str) -> None:
        self.status, self._body = status, body

    def raise_for_status(self) -> None:
        if self.status >= 400:
            raise RuntimeError(f"HTTP {self.status}")

    async def text(self) -> str:
        return self._body


class ClientSession:  # the shape of aiohttp's
    async def __aenter__(self) -> "ClientSession":
        return self

    async def __aexit__(self, *exc: object) -> None:
        pass

    @asynccontextmanager
    async def get(self, url: str):
        body, delay = PAGES[url]
        await asyncio.sleep(delay)  # the network
        yield Response(200, body)


async def fetch(session: ClientSession, url: str) -> str:
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.text()


async def main() -> None:
    async with ClientSession() as session:
        bodies = await asyncio.gather(*(fetch(session, u) for u in URLS))
    for body in bodies:
        print(body)


asyncio.run(main())
