"""
Builds the `course` module learner code imports: the Python side of
"@course/helpers", on the harness's clock and recorded on its timeline.

    from course import sleep, block_for, brew_coffee, ClientSession

Python speaks seconds where TypeScript speaks milliseconds (`sleep(0.5)`,
as `asyncio.sleep(0.5)`); spans are recorded in milliseconds as in the
TypeScript harness.

A run's helper plan (JSON, from the host) sets what the simulated world does:

    {
      "operations": {"brew_coffee": {"label": "brewCoffee()", "ms": 1000, "value": "coffee is ready"},
                     "fail_soon": {"ms": 100, "error": {"type": "ValueError", "message": "boom"}},
                     "operation": {"label": "operation()", "ms": 1500, "count": "calls"}},   # counts its calls in record["calls"]
      "routes": {"https://api.example/users/1": {"status": 200, "body": "{...}", "latency": 300}},
      "record": {"values": {...}}       # copied to observation.record for the judge
    }

Operations become coroutine functions: like any coroutine they start when
awaited or wrapped in a task, not when called, and one never awaited starts
nothing (and CPython warns "coroutine ... was never awaited").
"""

from __future__ import annotations

import asyncio
import builtins
import json as _json
import types

#: Helpers every run has unless its plan says otherwise (the run-concurrently contract's kitchen, first-coroutine's operation).
DEFAULT_OPERATIONS = {
    "operation": {"label": "operation()", "ms": 1000, "value": "ok"},
    "brew_coffee": {"label": "brew_coffee()", "ms": 1000, "value": "coffee is ready"},
    "toast_bread": {"label": "toast_bread()", "ms": 600, "value": "toast is ready"},
    "fry_eggs": {"label": "fry_eggs()", "ms": 300, "value": "eggs are ready"},
}

_REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}


def build(recorder, plan: dict) -> types.ModuleType:
    from course_harness import _original_sleep, _format_seconds, _ms, make_recorded_sleep

    module = types.ModuleType("course", "The course's helpers, on the harness's clock.")
    module.__file__ = "course.py"

    module.sleep = make_recorded_sleep(recorder, "sleep")
    module.sleep.__name__ = module.sleep.__qualname__ = "sleep"
    module.sleep.__doc__ = "Non-blocking wait on the course's clock, in seconds (asyncio.sleep, recorded on the timeline)."

    def block_for(seconds: float) -> None:
        """Holds the thread for `seconds`, like heavy CPU work or time.sleep: nothing else runs meanwhile."""
        recorder.block(float(seconds), "CPU work")

    module.block_for = block_for

    async def simulate(label: str, kind: str, seconds: float, detail: str | None = None):
        span = recorder.start_span(label, kind, ms=_ms(seconds), detail=detail)
        try:
            await _original_sleep(seconds)
        except asyncio.CancelledError:
            recorder.end_span(span, "aborted")
            raise
        except BaseException:
            recorder.end_span(span, "error")
            raise
        return span

    def make_operation(name: str, spec: dict):
        label = spec.get("label") or f"{name}()"
        seconds = float(spec.get("ms", 0)) / 1000

        count = spec.get("count")

        async def op():
            if count:
                # How often learner code started it, for the judge (first-coroutine's "calls").
                recorder.record[count] = int(recorder.record.get(count, 0)) + 1
            span = await simulate(label, "op", seconds, spec.get("detail"))
            failure = spec.get("error")
            if failure:
                recorder.end_span(span, "error")
                kind = getattr(builtins, str(failure.get("type", "RuntimeError")), RuntimeError)
                if not (isinstance(kind, type) and issubclass(kind, Exception)):
                    kind = RuntimeError
                raise kind(failure.get("message", ""))
            recorder.end_span(span, "ok")
            return spec.get("value")

        op.__name__ = op.__qualname__ = name
        op.__doc__ = f"A simulated operation: takes {_format_seconds(seconds)} s on the course's clock."
        return op

    operations = {**DEFAULT_OPERATIONS, **(plan.get("operations") or {})}
    for name, spec in operations.items():
        if name.isidentifier() and not name.startswith("_"):
            setattr(module, name, make_operation(name, spec))

    module.aiohttp = _build_http(recorder, plan.get("routes") or {}, simulate)
    for name in ("ClientSession", "ClientResponse", "ClientError", "ClientResponseError", "ClientConnectionError", "ClientTimeout"):
        setattr(module, name, getattr(module.aiohttp, name))
    return module


def _build_http(recorder, routes: dict, simulate) -> types.ModuleType:
    """A simulated HTTP client in the shape of aiohttp's: the calls course code makes, answered from `routes`."""
    http = types.ModuleType("aiohttp", "The course's simulated aiohttp: the same calls, answered from the exercise's routes.")
    http.__file__ = "aiohttp.py"

    class ClientError(Exception):
        pass

    class ClientConnectionError(ClientError):
        pass

    class ClientResponseError(ClientError):
        def __init__(self, request_info=None, history=(), *, status: int = 0, message: str = "", url: str = "") -> None:
            self.request_info = request_info
            self.history = history
            self.status = status
            self.message = message
            self.url = url
            super().__init__(f"{status}, message={message!r}, url={url!r}")

    class ClientTimeout:
        def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None) -> None:
            self.total = total

    class ClientResponse:
        def __init__(self, url: str, route: dict) -> None:
            self.url = url
            self.status = int(route.get("status", 200))
            self.reason = route.get("statusText") or _REASONS.get(self.status, "")
            self.ok = self.status < 400
            self.headers = {"Content-Type": route.get("contentType", "text/plain; charset=utf-8")}
            self._body = str(route.get("body", ""))

        def raise_for_status(self) -> None:
            if self.status >= 400:
                raise ClientResponseError(None, (), status=self.status, message=self.reason, url=self.url)

        async def text(self, encoding=None) -> str:
            return self._body

        async def read(self) -> bytes:
            return self._body.encode("utf-8")

        async def json(self, *, content_type=None, loads=_json.loads):
            return loads(self._body)

        def release(self) -> None:
            pass

        def close(self) -> None:
            pass

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc) -> None:
            pass

        def __repr__(self) -> str:
            return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    class _Request:
        """What session.get returns: awaitable, and an async context manager, as in aiohttp."""

        def __init__(self, session, url: str) -> None:
            self._session = session
            self._url = url

        async def _send(self) -> ClientResponse:
            if self._session.closed:
                raise RuntimeError("Session is closed")
            route = routes.get(self._url)
            if route is None:
                known = ", ".join(routes) or "none"
                raise ClientConnectionError(
                    f"Cannot connect to {self._url}: this sandbox has no network, only the exercise's URLs ({known})"
                )
            latency = float(route.get("latency", 0)) / 1000
            span = await simulate(self._url, "fetch", latency, f"{int(route.get('status', 200))} {self._url}")
            recorder.end_span(span, "ok")
            return ClientResponse(self._url, route)

        def __await__(self):
            return self._send().__await__()

        async def __aenter__(self) -> ClientResponse:
            self._response = await self._send()
            return self._response

        async def __aexit__(self, *exc) -> None:
            pass

    class ClientSession:
        def __init__(self, *args, timeout=None, **kwargs) -> None:
            self.closed = False

        def get(self, url, **kwargs) -> _Request:
            return _Request(self, str(url))

        def request(self, method: str, url, **kwargs) -> _Request:
            return _Request(self, str(url))

        async def close(self) -> None:
            self.closed = True

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc) -> None:
            await self.close()

    for cls in (ClientError, ClientConnectionError, ClientResponseError, ClientTimeout, ClientResponse, ClientSession):
        cls.__module__ = "aiohttp"
        cls.__qualname__ = cls.__name__
        setattr(http, cls.__name__, cls)
    return http
