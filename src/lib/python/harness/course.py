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

    simulate = _simulator(recorder)

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


def _simulator(recorder):
    """
    simulate(label, kind, seconds, detail): a simulated piece of work on the
    timeline, a span of `seconds` (cancelled, it ends `aborted`); returns the
    span, still open. Made before learner code runs: the harness is hidden
    (and can't be imported) while it does.
    """
    from course_harness import _original_sleep, _ms

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

    return simulate


# ── callbacks described by the checker ─────────────────────────────────────
#
# Some exercises hand the learner a function of the checker's: limit-concurrency's
# `fn`, timeout-and-cancel's `work`. The exercise's check.ts describes it (schema.ts,
# PythonCallback) and the request carries the description at the argument's place
# (`entry.callbacks`). Each callback here records what its TypeScript twin records,
# under the same keys and span labels, so the exercise's own checks judge it.
#
# Python's own semantics, not TypeScript's: each is a coroutine function, so calling
# it only makes a coroutine, and its work (counted, timed) starts when that coroutine
# first runs. There is no AbortSignal: cancelling the task that runs the coroutine is
# how Python stops work, and the callback notes when that happened.


def entry_args(recorder, entry: dict) -> list:
    """The entry's arguments, each described callback built in its place. Called before learner code runs."""
    from course_harness import _format_seconds

    simulate = _simulator(recorder)
    args = list(entry.get("args") or [])
    for described in entry.get("callbacks") or []:
        at = int(described["at"])
        while len(args) <= at:
            args.append(None)
        args[at] = _CALLBACKS[described["callback"]["kind"]](recorder, described["callback"], simulate, _format_seconds)
    return args


def _named(fn, name: str):
    fn.__name__ = fn.__qualname__ = name
    return fn


def _label_text(value) -> str:
    """An item as a label shows it (`job 3`): as the TypeScript checker writes a number (3.0 is "3"), anything else as Python prints it."""
    if type(value) is float and value.is_integer():
        return str(int(value))
    return _shown(value) if not isinstance(value, (int, float, str)) or isinstance(value, bool) else str(value)


def _index_of(items: list, item) -> int:
    """items.indexOf(item), compared as TypeScript compares numbers and strings (3 equals 3.0; True is not 1). Never calls learner code."""
    for index, known in enumerate(items):
        if type(item) in (int, float) and type(known) in (int, float) and item == known:
            return index
        if type(item) is str and type(known) is str and item == known:
            return index
    return -1


def _shown(item) -> str:
    """What fn was given, for a message: as Python writes it (`None`, `'a'`), short; never an exception."""
    try:
        return repr(item)[:200]
    except Exception:  # noqa: BLE001 - a learner object's __repr__ may raise
        return f"<{type(item).__name__}>"


def _jobs(recorder, spec: dict, simulate, _format_seconds):
    """limit-concurrency's fn: a job per item, counting how many run at once (record `peak`)."""
    items = list(spec["items"])
    durations = [float(ms) / 1000 for ms in spec["ms"]]
    results = list(spec["results"])
    stranger_s = float(spec.get("strangerMs", 0)) / 1000
    calls = [0 for _ in items]
    strangers: list = []
    state = {"in_flight": 0, "peak": 0}

    async def fn(item):
        index = _index_of(items, item)
        if index >= 0:
            calls[index] += 1
        else:
            strangers.append(_shown(item))
        state["in_flight"] += 1
        state["peak"] = max(state["peak"], state["in_flight"])
        recorder.record["calls"] = list(calls)
        recorder.record["peak"] = state["peak"]
        recorder.record["strangers"] = list(strangers)
        try:
            seconds = durations[index] if index >= 0 else stranger_s
            span = await simulate(f"job {_label_text(item)}", "op", seconds, f"items[{index}]")
        finally:
            state["in_flight"] -= 1
        recorder.end_span(span, "ok")
        return results[index] if index >= 0 else f"no such item: {_label_text(item)}"

    fn.__doc__ = "The checker's job for one item: a coroutine function, so `fn(item)` makes a coroutine to await."
    return _named(fn, "fn")


def _work_started(recorder) -> None:
    recorder.record["workCalls"] = int(recorder.record.get("workCalls", 0)) + 1
    # A coroutine can always be cancelled, through the task that runs it: in Python the work always has its "signal".
    recorder.record["gotSignal"] = True


def _note_cancelled(recorder) -> None:
    # Cancelled while the learner's function still ran. After it returned, asyncio.run cancels
    # what is left as it shuts down: that is the runtime tidying up, not the learner stopping the work.
    if recorder.pending_at_settle is None and "abortedAt" not in recorder.record:
        recorder.record["abortedAt"] = recorder.now_ms()


def _fast_work(recorder, spec: dict, simulate, _format_seconds):
    """timeout-and-cancel's fast work: one operation, then its value."""

    async def work():
        _work_started(recorder)
        try:
            span = await simulate(spec["label"], "op", float(spec["ms"]) / 1000)
        except asyncio.CancelledError:
            _note_cancelled(recorder)
            raise
        recorder.end_span(span, "ok")
        return spec.get("value")

    return _named(work, "work")


def _slow_work(recorder, spec: dict, simulate, _format_seconds):
    """timeout-and-cancel's slow work: many short steps, each noted in record `steps`; cancelled, it stops at once."""
    step_s = float(spec["stepMs"]) / 1000

    async def work():
        _work_started(recorder)
        done: list = []
        recorder.record["steps"] = done
        try:
            for step in range(1, int(spec["steps"]) + 1):
                span = await simulate(f"step {step}", "timer", step_s)
                recorder.end_span(span, "ok")
                done.append(recorder.now_ms())
                recorder.record["steps"] = list(done)
        except asyncio.CancelledError:
            _note_cancelled(recorder)
            raise
        return spec.get("value")

    return _named(work, "work")


def _stubborn_work(recorder, spec: dict, simulate, _format_seconds):
    """
    timeout-and-cancel's stubborn work. A coroutine can't ignore cancellation
    by just not looking (as TypeScript work ignores a signal): it is stopped at
    its next await. What goes on regardless is an operation it shields, as a
    call in a thread goes on: cancelling `work()` stops the waiting, not the
    operation, which is the harness's and finishes on its own.
    """

    async def work():
        _work_started(recorder)
        loop = asyncio.get_running_loop()
        operation = loop.create_future()
        span = recorder.start_span(spec["label"], "timer", owner="harness")

        def finish() -> None:
            recorder.end_span(span, "ok")
            recorder.record["stubbornDoneAt"] = recorder.now_ms()
            if not operation.done():
                operation.set_result(spec.get("value"))

        loop.call_later(float(spec["ms"]) / 1000, finish)
        try:
            return await asyncio.shield(operation)
        except asyncio.CancelledError:
            _note_cancelled(recorder)
            raise

    return _named(work, "work")


_CALLBACKS = {"jobs": _jobs, "fast-work": _fast_work, "slow-work": _slow_work, "stubborn-work": _stubborn_work}


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
