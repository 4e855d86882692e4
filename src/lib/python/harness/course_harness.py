"""
The course's Python harness: runs a learner's file on a virtual clock and
records an Observation, the same JSON the TypeScript harness records
(src/lib/harness/observation.ts), so the Timeline and the judge work unchanged.

Plain Python 3.11+ with the standard library only: the same file runs under
CPython (the CLI, the unit tests) and under Pyodide (the page).

How the clock works. asyncio's loop asks its selector to wait for I/O until
the next timer is due: `select(timeout)`. Our selector has no I/O to wait for,
so it moves the virtual clock on by `timeout` and returns at once. The loop
is a real asyncio loop (a `BaseEventLoop`), so tasks, futures, cancellation,
timeouts, TaskGroup, Semaphore and the "Task exception was never retrieved"
log are CPython's own code; only the clock is ours. `time.sleep` moves the
clock on while nothing else runs: blocking, recorded as a CPU span.

Learner code reaches the clock through plain `asyncio.run(main())`: an
event-loop policy hands out our loop. Under Pyodide a WebLoop may already be
the running loop (pyodide issue 3587: asyncio.run then refuses to start), so
the harness clears the running loop for the length of the run and puts it
back afterwards.
"""

from __future__ import annotations

import ast
import asyncio
import asyncio.events
import asyncio.tasks
import builtins
import io
import json
import linecache
import math
import sys
import threading
import time
import traceback
import types
import warnings

import guard

# ── limits (the same figures as src/lib/harness/limits.ts) ────────────────

MAX_LOG_LINES = 1000
MAX_LINE_CHARS = 10_000
MAX_SPANS = 5000
#: Simulated seconds a run may take before main finishes.
VIRTUAL_LIMIT_S = 120.0
#: Jumps of the virtual clock (timers coming due) before a run counts as runaway.
MAX_TIMER_FIRINGS = 200_000
#: Loop turns at one virtual instant before a run counts as a busy loop.
MAX_TURNS_AT_ONE_INSTANT = 1_000_000
#: The name learner code is compiled under: tracebacks are trimmed to it.
LEARNER_FILE = "main.py"
#: time.time() at virtual zero: 2026-01-01T00:00:00Z, as the TypeScript harness's Date.
VIRTUAL_EPOCH_S = 1767225600.0

_real_monotonic = time.monotonic
_real_perf_counter = time.perf_counter
_real_time = time.time
_real_sleep = time.sleep
_real_monotonic_ns = time.monotonic_ns
_real_perf_counter_ns = time.perf_counter_ns
_real_time_ns = time.time_ns
_original_sleep = asyncio.sleep


class Stopped(BaseException):
    """Ends a run from inside (deadlock, runaway timers). A BaseException, so
    `except Exception` in learner code does not swallow it."""


# ── the clock ─────────────────────────────────────────────────────────────


class Clock:
    """Seconds since the run began. Virtual under Check; real (wall) under Run."""

    def __init__(self, virtual: bool) -> None:
        self.virtual = virtual
        self._now = 0.0
        self._start = _real_monotonic()

    def now(self) -> float:
        if self.virtual:
            return self._now
        return _real_monotonic() - self._start

    def advance(self, seconds: float) -> None:
        if not seconds > 0:
            return
        if self.virtual:
            self._now += seconds
        else:
            _real_sleep(seconds)

    def jump_to(self, when: float) -> None:
        """Moves the virtual clock to exactly `when` (never backwards), so timers fire on time without float drift."""
        if self.virtual:
            self._now = max(self._now, when)
        else:
            delay = when - self.now()
            if delay > 0:
                _real_sleep(delay)


# ── the recorder: what becomes the Observation ────────────────────────────


def _ms(seconds: float) -> float:
    """Seconds to milliseconds, rounded to a microsecond so 0.1 + 0.2 reads 300, not 300.00000000000006."""
    value = round(seconds * 1000, 3)
    return int(value) if value == int(value) else value


class Recorder:
    def __init__(self, clock: Clock, on_line=None) -> None:
        self.clock = clock
        self.logs: list[dict] = []
        self.spans: list[dict] = []
        self.errors: list[dict] = []
        self.record: dict = {}
        self.dropped = 0
        self.truncated = False
        self.seq = 0
        self.span_count = 0
        self.settled: dict = {"state": "pending"}
        self.pending_at_settle: list[dict] | None = None
        self.in_loop = 0
        self.first_timer_fired = False
        self.on_line = on_line
        self.closed = False
        self.task_count = 0
        #: An exercise's run records "Task exception was never retrieved" as an unhandled rejection (_note_unretrieved).
        self.judges_unretrieved = False

    def now_ms(self) -> float:
        return _ms(self.clock.now())

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def phase(self) -> str:
        # Outside any event loop the module body is running: 'sync'. Inside
        # the loop, 'microtask' until the first timer came due, then 'timer'.
        if not self.in_loop:
            return "sync"
        return "timer" if self.first_timer_fired else "microtask"

    def log(self, stream: str, text: str) -> None:
        if self.closed:
            return
        if len(self.logs) >= MAX_LOG_LINES:
            self.dropped += 1
            self.truncated = True
            return
        if len(text) > MAX_LINE_CHARS:
            text = f"{text[:MAX_LINE_CHARS]}… ({len(text) - MAX_LINE_CHARS:,} more characters not shown)"
            self.truncated = True
        line = {"t": self.now_ms(), "stream": stream, "text": text, "phase": self.phase(), "seq": self.next_seq()}
        self.logs.append(line)
        if self.on_line is not None:
            # Sent at once: if the next statement is `while True: pass`, this line still reaches the host.
            self.on_line(line)

    def start_span(self, label: str, kind: str, owner: str = "learner", **extra) -> dict | None:
        self.span_count += 1
        if len(self.spans) >= MAX_SPANS:
            return None
        span = {
            "id": self.span_count,
            "label": label,
            "kind": kind,
            "start": self.now_ms(),
            "startSeq": self.next_seq(),
            "end": None,
            "owner": owner,
        }
        span.update({k: v for k, v in extra.items() if v is not None})
        self.spans.append(span)
        return span

    def end_span(self, span: dict | None, outcome: str = "ok") -> None:
        if span is None or span["end"] is not None:
            return
        span["end"] = self.now_ms()
        span["endSeq"] = self.next_seq()
        span["outcome"] = outcome

    def open_learner_spans(self) -> list[dict]:
        return [
            {"id": s["id"], "label": s["label"], "kind": s["kind"]}
            for s in self.spans
            if s["end"] is None and s["owner"] == "learner"
        ]

    def settle(self, state: dict) -> None:
        if self.settled["state"] != "pending":
            return
        self.settled = state
        if self.pending_at_settle is None:
            self.pending_at_settle = self.open_learner_spans()

    def note_main_done(self) -> None:
        """Main's coroutine finished (asyncio.run is about to cancel what is left): note what was still open."""
        if self.pending_at_settle is None:
            self.pending_at_settle = self.open_learner_spans()

    def error(self, kind: str, message: str, **extra) -> None:
        entry = {"kind": kind, "message": message, "t": self.now_ms()}
        entry.update({k: v for k, v in extra.items() if v is not None})
        self.errors.append(entry)

    def block(self, seconds: float, label: str) -> None:
        """Holds the thread for `seconds`: the clock moves on and nothing else runs. Back-to-back blocks share a span."""
        if not seconds > 0:
            return
        last = self.spans[-1] if self.spans else None
        if last is not None and last["kind"] == "cpu" and last["label"] == label and last["end"] == self.now_ms():
            self.clock.advance(seconds)
            last["end"] = self.now_ms()
            last["endSeq"] = self.next_seq()
            last["ms"] = _ms(last["ms"] / 1000 + seconds)
        else:
            span = self.start_span(label, "cpu", ms=_ms(seconds))
            self.clock.advance(seconds)
            self.end_span(span)


# ── the event loop ────────────────────────────────────────────────────────


class VirtualSelector:
    """Stands where asyncio's selector stands. There is no I/O here: waiting
    for `timeout` seconds means moving the clock on to the next timer."""

    def __init__(self, loop: "VirtualEventLoop") -> None:
        self._loop = loop
        self._turns_at_instant = 0
        self._instant = -1.0

    def select(self, timeout: float | None = None) -> list:
        loop = self._loop
        rec = loop._recorder
        clock = rec.clock
        if loop._stopped_reason:
            raise Stopped(loop._stopped_reason)
        if loop._in_flight:
            # Real work is out in a thread: wait for it for real; that real time counts.
            started = _real_monotonic()
            loop._wakeup.wait(None if timeout is None else min(timeout, 0.05) if clock.virtual else timeout)
            loop._wakeup.clear()
            if clock.virtual:
                clock._now += _real_monotonic() - started
            return []
        if timeout is None and threading.active_count() > 1:
            # Nothing is scheduled, but a thread may still wake the loop (shutting the default executor
            # down, call_soon_threadsafe): wait for it for real, a little at a time.
            started = _real_monotonic()
            loop._wakeup.wait(0.05)
            loop._wakeup.clear()
            if clock.virtual:
                clock._now += _real_monotonic() - started
            return []
        if timeout is None:
            # Nothing is scheduled and nothing can wake the loop up: in CPython it would wait forever.
            loop._stop_run(
                "main is waiting for something that never happens (a future nobody sets, an event "
                "nobody sets, a queue nobody fills): the event loop has nothing left to run"
            )
        now = clock.now()
        if now == self._instant:
            self._turns_at_instant += 1
            if self._turns_at_instant > MAX_TURNS_AT_ONE_INSTANT and clock.virtual:
                loop._stop_run(
                    f"the event loop turned more than {MAX_TURNS_AT_ONE_INSTANT:,} times without the clock moving on "
                    "(a loop around `await asyncio.sleep(0)`?)"
                )
        else:
            self._instant = now
            self._turns_at_instant = 0
        if timeout > 0 and loop._scheduled:
            when = loop._scheduled[0]._when
            if rec.settled["state"] == "pending" and not loop._main_done and when > VIRTUAL_LIMIT_S and clock.virtual:
                loop._stop_run(f"main had not finished after {VIRTUAL_LIMIT_S:g} s of simulated time")
            loop._firings += 1
            if loop._firings > MAX_TIMER_FIRINGS:
                loop._stop_run(f"your code fired more than {MAX_TIMER_FIRINGS:,} timers without finishing")
            clock.jump_to(when)
        if loop._scheduled and loop._scheduled[0]._when <= clock.now() + loop._clock_resolution:
            rec.first_timer_fired = True
        return []

    def close(self) -> None:
        pass


class VirtualEventLoop(asyncio.BaseEventLoop):
    """asyncio's own loop with a virtual clock: everything but time is CPython's."""

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self._recorder = recorder
        self._selector = VirtualSelector(self)
        self._clock_resolution = 1e-9
        self._in_flight = 0
        self._wakeup = threading.Event()
        self._firings = 0
        self._stopped_reason = ""
        self._main_done = False
        self._main_seen = False

    def time(self) -> float:
        return self._recorder.clock.now()

    def create_task(self, coro, *, name=None, **kwargs):
        # Default names count from Task-1 in each run, as in a fresh `python3 main.py`; asyncio's own
        # counter is per process, and Pyodide runs many programs in one interpreter.
        if name is None:
            self._recorder.task_count += 1
            name = f"Task-{self._recorder.task_count}"
        return super().create_task(coro, name=name, **kwargs)

    def _stop_run(self, reason: str) -> None:
        if not self._stopped_reason:
            self._stopped_reason = reason
            self._recorder.error("virtual-limit", f"Stopped: {reason}.")
        raise Stopped(reason)

    # BaseEventLoop leaves these to subclasses: no I/O, no self-pipe.
    def _process_events(self, event_list) -> None:
        pass

    def _write_to_self(self) -> None:
        self._wakeup.set()

    def default_exception_handler(self, context: dict) -> None:
        """
        CPython's default handler ("Task exception was never retrieved" and
        the like) logs the full traceback, asyncio's own frames included,
        whose paths differ between CPython and Pyodide. Same text here, with
        the traceback trimmed to the learner's lines, on stderr.
        """
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in {"message", "exception"}:
                continue
            value = context[key]
            if key in {"source_traceback", "handle_traceback"}:
                value = "Object created at (most recent call last):\n" + "".join(traceback.format_list(value)).rstrip()
            else:
                value = repr(value)
            lines.append(f"{key}: {value}")
        if exception is not None:
            lines.append(learner_traceback(exception)[0])
        sys.stderr.write("\n".join(lines) + "\n")
        _note_unretrieved(self._recorder, message, exception)

    def run_in_executor(self, executor, func, *args):
        future = super().run_in_executor(executor, func, *args)
        self._in_flight += 1

        def done(_):
            self._in_flight -= 1

        future.add_done_callback(done)
        return future

    def run_forever(self) -> None:
        self._recorder.in_loop += 1
        try:
            super().run_forever()
        finally:
            self._recorder.in_loop -= 1

    def run_until_complete(self, future):
        # The first thing asyncio.run runs on a fresh loop is main; what it runs
        # afterwards (cancelling leftover tasks, closing generators) is cleanup.
        # No callback is added to main's task: it would show in the task's repr (debug mode prints it).
        if self._main_seen:
            return super().run_until_complete(future)
        self._main_seen = True
        try:
            return super().run_until_complete(future)
        finally:
            self._main_done = True
            self._recorder.note_main_done()


def _note_unretrieved(recorder: Recorder, message: str, exception: BaseException | None) -> None:
    """
    "Task exception was never retrieved" is Python's unhandled rejection: a
    task raised and nobody awaited it or asked for its result. In an
    exercise it is recorded as the TypeScript harness records an unhandled
    rejection, so the check that reads those (no-unhandled-rejection) sees
    it in Python too. A program (a lesson's snippet) only prints it, as
    CPython does, and goes on.
    """
    if not recorder.judges_unretrieved or exception is None or not message.startswith("Task exception was never retrieved"):
        return
    name, text = describe(exception)
    recorder.error("unhandled-rejection", f"Task exception was never retrieved: {name}: {text}" if text else f"Task exception was never retrieved: {name}", name=name)


# Python 3.14 deprecates the policy classes' public names (asyncio.DefaultEventLoopPolicy warns); the base class is the same.
_PolicyBase = getattr(asyncio.events, "_BaseDefaultEventLoopPolicy", None) or asyncio.events.BaseDefaultEventLoopPolicy


class VirtualLoopPolicy(_PolicyBase):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self._recorder = recorder

    def new_event_loop(self) -> VirtualEventLoop:
        return VirtualEventLoop(self._recorder)


# ── output capture ────────────────────────────────────────────────────────


class LineWriter(io.TextIOBase):
    """sys.stdout / sys.stderr for learner code: each finished line becomes a log line."""

    def __init__(self, recorder: Recorder, stream: str) -> None:
        super().__init__()
        self._recorder = recorder
        self._stream = stream
        self._partial = ""

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._partial += text
        # A huge line without a newline still ends up capped, not held in memory forever.
        while "\n" in self._partial or len(self._partial) > MAX_LINE_CHARS * 2:
            if "\n" in self._partial:
                line, self._partial = self._partial.split("\n", 1)
            else:
                line, self._partial = self._partial, ""
            self._recorder.log(self._stream, line)
        return len(text)

    def flush(self) -> None:
        pass

    def finish(self) -> None:
        if self._partial:
            line, self._partial = self._partial, ""
            self._recorder.log(self._stream, line)


# ── errors, trimmed to the learner's lines ────────────────────────────────


def _trim(te: traceback.TracebackException, seen: set) -> None:
    if id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == LEARNER_FILE])
    for linked in (te.__cause__, te.__context__, *(getattr(te, "exceptions", None) or ())):
        if linked is not None:
            _trim(linked, seen)


def learner_traceback(error: BaseException) -> tuple[str, int | None]:
    """
    The traceback as Python prints it (chained exceptions and exception
    groups included), keeping only frames in the learner's file, so CPython
    and Pyodide print the same; and the last learner line of the outer error.
    """
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == LEARNER_FILE]
    last_line = frames[-1].lineno if frames else None
    te = traceback.TracebackException(type(error), error, error.__traceback__, compact=True)
    _trim(te, set())
    return "".join(te.format()).rstrip("\n"), last_line


def describe(error: BaseException) -> tuple[str, str]:
    name = type(error).__name__
    message = str(error)
    return name, message


# ── the learner-facing sleep, recorded as a timer span ────────────────────


def _format_seconds(delay) -> str:
    return repr(delay) if isinstance(delay, (int, float)) else str(delay)


def make_recorded_sleep(recorder: Recorder, label_prefix: str):
    async def sleep(delay, result=None):
        # A zero sleep is a yield, not a timer; a bad argument gets asyncio's own error.
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not (0 < delay < math.inf):
            return await _original_sleep(delay, result)
        span = recorder.start_span(f"{label_prefix}({_format_seconds(delay)})", "timer", ms=_ms(delay))
        try:
            value = await _original_sleep(delay, result)
        except asyncio.CancelledError:
            recorder.end_span(span, "aborted")
            raise
        except BaseException:
            recorder.end_span(span, "error")
            raise
        recorder.end_span(span, "ok")
        return value

    sleep.__doc__ = _original_sleep.__doc__
    return sleep


# ── the sandbox (CPython and Pyodide alike) ───────────────────────────────

#: Audit events that would reach outside: processes, sockets, native code.
_REFUSED_EVENTS = {
    "os.system": "os.system",
    "os.exec": "os.exec*",
    "os.spawn": "os.spawn*",
    "os.posix_spawn": "os.posix_spawn",
    "os.fork": "os.fork",
    "os.forkpty": "os.forkpty",
    "os.kill": "os.kill",
    "os.killpg": "os.killpg",
    "subprocess.Popen": "subprocess",
    "socket.__new__": "sockets",
    "socket.connect": "sockets",
    "socket.bind": "sockets",
    "socket.getaddrinfo": "sockets",
    "socket.gethostbyname": "sockets",
    "ctypes.dlopen": "ctypes",
    "ctypes.dlsym": "ctypes",
    "ctypes.cdata": "ctypes",
    "os.remove": "deleting files",
    "os.rmdir": "deleting files",
    "os.rename": "renaming files",
    "os.mkdir": "creating directories",
    "os.chmod": "changing files",
    "os.truncate": "changing files",
    "shutil.rmtree": "deleting files",
    "webbrowser.open": "opening a browser",
    "urllib.Request": "the network",
    "http.client.connect": "the network",
    "sys.setprofile": "sys.setprofile",
    "sys.settrace": "sys.settrace",
    "gc.get_referrers": "gc.get_referrers",
    "gc.get_objects": "gc.get_objects",
}
#: Modules learner code may not import while it runs (the bridge to JavaScript, native code).
_REFUSED_IMPORTS = {"ctypes", "_ctypes"}
_WRITE_MODES = ("w", "a", "x", "+")


class SandboxRefused(PermissionError):
    pass


# Printed as "SandboxRefused: …", not under the harness's module name.
SandboxRefused.__module__ = "builtins"


class _Sandbox:
    """
    One audit hook for the life of the process (audit hooks can't be removed),
    active only while learner code runs.

    What it guarantees: the calls above raise SandboxRefused before they do
    anything, and the refusal is recorded as a 'sandbox' error, whether or not
    learner code catches it.
    What it does not: this is not a security boundary. Learner code shares the
    interpreter with the harness, and CPython's audit hooks are documented as
    unsuitable for sandboxing: native code, or a bug in CPython, gets past
    them. On the page the real boundary is Pyodide's (no file system beyond
    memory, no sockets, no processes) inside the sandboxed frame; under the
    CLI the learner runs their own file on their own machine.
    """

    def __init__(self) -> None:
        self.active = False
        self.recorder: Recorder | None = None
        self._installed = False

    def install(self) -> None:
        if not self._installed:
            sys.addaudithook(self._hook)
            self._installed = True

    def _hook(self, event: str, args: tuple) -> None:
        if not self.active:
            return
        what = None
        if event in _REFUSED_EVENTS:
            what = _REFUSED_EVENTS[event]
        elif event == "open":
            mode = args[1] if len(args) > 1 else "r"
            flags = args[2] if len(args) > 2 else 0
            if (isinstance(mode, str) and any(m in mode for m in _WRITE_MODES)) or (
                mode is None and isinstance(flags, int) and flags & 0o3
            ):
                what = "writing files"
        elif event == "import" and args and isinstance(args[0], str) and (args[0].split(".", 1)[0] in _REFUSED_IMPORTS or _hidden(args[0])):
            what = f"import {args[0]}"
        if what is None:
            # Frames, code objects, gc, files opened by learner code: guard.py decides (it counts this frame).
            what = _RUNTIME_GUARD.refusal(event, args)
        if what is None:
            return
        self.refuse(what, event)

    def refuse(self, what: str, event: str) -> None:
        # Off while we record, so the recorder's own work is never refused.
        self.active = False
        try:
            if self.recorder is not None:
                self.recorder.error("sandbox", f"The course's sandbox refused {what} ({event}): learner code can't reach outside.")
        finally:
            self.active = True
        raise SandboxRefused(f"{what} is not allowed in the course's sandbox")


SANDBOX = _Sandbox()
_RUNTIME_GUARD = guard.RuntimeGuard(LEARNER_FILE)


# ── a run ─────────────────────────────────────────────────────────────────


def _to_json(value, depth: int = 0):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return value if isinstance(value, int) or math.isfinite(value) else str(value)
    if depth > 5:
        return repr(value)[:200]
    if isinstance(value, (list, tuple)):
        return [_to_json(v, depth + 1) for v in value[:1000]]
    if isinstance(value, dict):
        return {str(k): _to_json(v, depth + 1) for k, v in list(value.items())[:1000]}
    if asyncio.iscoroutine(value):
        return f"<coroutine object {getattr(value, '__qualname__', '?')}> (not awaited)"
    return repr(value)[:1000]


#: Hidden from sys.modules while learner code runs (and refused on import): the harness, and Pyodide's bridge to JavaScript.
_HIDDEN_ROOTS = ("course_harness", "guard", "js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core")


def _hidden(name: str) -> bool:
    return name.split(".", 1)[0] in _HIDDEN_ROOTS


class _ImportGuard:
    """
    First on sys.meta_path while learner code runs. The audit hook sees
    `import js`, but importlib.import_module goes straight to the finders, and
    Pyodide's JsFinder would hand out `js` and `pyodide_js` (the whole of
    JavaScript) from there: this finder refuses hidden names first.
    """

    def find_spec(self, name, path=None, target=None):
        if SANDBOX.active and _hidden(name):
            SANDBOX.refuse(f"import {name}", "import")
        return None


_IMPORT_GUARD = _ImportGuard()


def _is_js_finder(finder) -> bool:
    kind = finder if isinstance(finder, type) else type(finder)
    return kind.__name__ == "JsFinder" or kind.__module__.split(".", 1)[0] in _HIDDEN_ROOTS


def run(request: dict, on_line=None) -> dict:
    """
    Runs one scenario of learner code and returns its ScenarioObservation as a dict.

    request:
      source      the learner's file
      mode        'check' (virtual clock, default) or 'run' (real clock)
      scenario    name (default 'program'), params (JSON for the judge)
      entry       optional {"function": name, "args": [...]}: call this after
                  the module body (an exercise); without it the module body is
                  the program (run as __main__)
      helpers     optional course-module setup: operations, routes, record (see course.py)
    """
    import course  # the learner-facing helpers, beside this file

    virtual = request.get("mode", "check") != "run"
    clock = Clock(virtual)
    recorder = Recorder(clock, on_line)
    scenario = request.get("scenario") or "program"
    entry = request.get("entry")
    recorder.judges_unretrieved = bool(entry)
    source = request.get("source", "")
    helpers_plan = request.get("helpers") or {}
    for key, value in (helpers_plan.get("record") or {}).items():
        recorder.record[str(key)] = value

    module_name = "__main__" if not entry else "solution"
    module = types.ModuleType(module_name)
    module.__file__ = LEARNER_FILE
    module.__builtins__ = builtins

    def finish() -> dict:
        if recorder.pending_at_settle is None:
            recorder.pending_at_settle = recorder.open_learner_spans()
        return {
            "scenario": scenario,
            "mode": "check" if virtual else "run",
            "params": request.get("params"),
            "logs": recorder.logs,
            "droppedLines": recorder.dropped,
            "outputTruncated": recorder.truncated,
            "spans": recorder.spans,
            "errors": recorder.errors,
            "settled": recorder.settled,
            "pendingAtSettle": recorder.pending_at_settle,
            "totalTime": recorder.now_ms(),
            "record": recorder.record,
        }

    # Compile first: a SyntaxError stops everything and names its line.
    try:
        code = compile(source, LEARNER_FILE, "exec", dont_inherit=True)
    except SyntaxError as error:
        message = f"{type(error).__name__}: {error.msg} (line {error.lineno})"
        recorder.error("syntax", message, name=type(error).__name__, line=error.lineno, column=error.offset)
        result = finish()
        result["compileError"] = recorder.errors[-1]
        return result
    linecache.cache[LEARNER_FILE] = (len(source), None, source.splitlines(True), LEARNER_FILE)
    if request.get("sandbox", True) is not False and request.get("staticCheck", True) is not False:
        # The static half of the guard: syntax that leads to the harness's objects never runs.
        tree = ast.parse(source, LEARNER_FILE)
        refusal = guard.check(source, tree)
        if refusal is not None:
            recorder.error("sandbox", refusal.message(), line=refusal.line)
            return finish()
        code = compile(guard.instrument(tree), LEARNER_FILE, "exec", dont_inherit=True)
        module.__dict__[guard.OWN_CHECK] = guard.own_check(module_name, lambda what: SANDBOX.refuse(what, "object.__getattr__"))

    course_module = course.build(recorder, helpers_plan)
    # The checker's callbacks among the entry's arguments (limit-concurrency's fn, timeout-and-cancel's work), built by course.py.
    entry_args = course.entry_args(recorder, entry) if entry else []
    saved = _enter(recorder, module, course_module)
    stdout, stderr = saved["stdout_writer"], saved["stderr_writer"]
    # After _enter: the harness's own replacements (asyncio.sleep, time.*) are what must stay.
    relied_on = guard.Snapshot(_relied_on())
    try:
        try:
            # The course's own snippets may use processes (ProcessPoolExecutor); learner code never may.
            SANDBOX.active = request.get("sandbox", True) is not False
            exec(code, module.__dict__)
            value = None
            if entry:
                value = _drive(recorder, module, entry, entry_args)
            if recorder.settled["state"] == "pending":
                recorder.settle({"state": "fulfilled", "at": recorder.now_ms(), "seq": recorder.next_seq(), "value": _to_json(value)})
            # Dropped while stderr is still captured: a coroutine returned unawaited warns as it dies.
            value = None
        except Stopped:
            # Whatever the stopped loop leaves behind (tasks destroyed while pending) is not the learner's output.
            recorder.closed = True
        except SystemExit as exit_request:
            SANDBOX.active = False
            recorder.error(
                "exit",
                f"Your code called sys.exit({'' if exit_request.code is None else repr(exit_request.code)}), which ends "
                "the whole program at once: nothing after it ran. Let main finish (or raise an error) instead.",
            )
        except BaseException as error:  # noqa: BLE001 - whatever learner code raises is reported, never re-raised
            SANDBOX.active = False
            _report_uncaught(recorder, error, stderr)
        finally:
            SANDBOX.active = False
            # Learner objects die here: a task whose exception was never retrieved logs it now, as CPython would at exit.
            module.__dict__.clear()
            import gc

            gc.collect()
            stdout.finish()
            stderr.finish()
            _undo_patches(recorder, relied_on)
    finally:
        _leave(saved)
    return finish()


def _relied_on() -> dict:
    """Modules and classes whose functions the harness calls while it records and reports a run."""
    import asyncio.base_events
    import asyncio.coroutines
    import asyncio.futures
    import asyncio.locks
    import asyncio.queues
    import asyncio.runners
    import asyncio.timeouts
    import json.encoder

    targets = {
        name: sys.modules[name]
        for name in ("asyncio", "asyncio.tasks", "asyncio.events", "asyncio.base_events", "asyncio.futures", "asyncio.runners",
                     "asyncio.locks", "asyncio.queues", "asyncio.timeouts", "asyncio.coroutines", "time", "builtins", "json",
                     "json.encoder", "traceback", "linecache")
    }
    for cls in (Recorder, Clock, VirtualSelector, VirtualEventLoop, VirtualLoopPolicy, LineWriter, _Sandbox, guard.RuntimeGuard,
                asyncio.BaseEventLoop, asyncio.AbstractEventLoop, asyncio.events.Handle, asyncio.events.TimerHandle,
                asyncio.Semaphore, asyncio.BoundedSemaphore, asyncio.Lock, asyncio.Event, asyncio.Condition, asyncio.Queue,
                asyncio.TaskGroup, asyncio.Timeout, asyncio.Runner, json.JSONEncoder, io.TextIOBase):
        targets[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return targets


def _undo_patches(recorder: Recorder, relied_on: "guard.Snapshot") -> None:
    """Learner code replaced something the harness relies on: the run fails, and the original is put back."""
    changed = relied_on.changed()
    if not changed:
        return
    relied_on.restore()
    names = ", ".join(f"`{name}`" for name in changed[:5]) + (" …" if len(changed) > 5 else "")
    recorder.error(
        "sandbox",
        f"Your code changed {names}, which the course's clock and timeline rely on. This course's sandbox doesn't "
        "allow that: learner code can't reach outside the exercise or into the course's harness.",
    )


def _drive(recorder: Recorder, module: types.ModuleType, entry: dict, args: list):
    name = entry.get("function")
    target = module.__dict__.get(name)
    if not callable(target):
        recorder.error(
            "missing-export",
            f"Your code doesn't define `{name}`. Write `async def {name}(...):` at the top level of the file.",
        )
        raise Stopped("missing export")
    # Main is the entry's coroutine, whatever the module body ran on import (even its own asyncio.run).
    recorder.pending_at_settle = None

    async def call():
        result = target(*args)
        if asyncio.iscoroutine(result) or isinstance(result, asyncio.Future):
            return await result
        return result

    try:
        value = asyncio.run(call())
    except Stopped:
        raise
    except Exception as error:  # main raised: the judge reads it as a rejected promise, as a rejected main in TypeScript
        _, line = learner_traceback(error)
        name_, message = describe(error)
        recorder.settle(
            {
                "state": "rejected",
                "at": recorder.now_ms(),
                "seq": recorder.next_seq(),
                "error": {"name": name_, "message": message, **({"line": line} if line else {})},
            }
        )
        return None
    recorder.settle({"state": "fulfilled", "at": recorder.now_ms(), "seq": recorder.next_seq(), "value": _to_json(value)})
    return value


def _report_uncaught(recorder: Recorder, error: BaseException, stderr: LineWriter) -> None:
    text, line = learner_traceback(error)
    # Printed as CPython would print it, but only the learner's frames.
    stderr.finish()
    for part in text.split("\n"):
        recorder.log("error", part)
    name, message = describe(error)
    where = f" (line {line})" if line else ""
    recorder.error("uncaught", f"Uncaught {name}: {message}{where}" if message else f"Uncaught {name}{where}", name=name, line=line)
    recorder.settle(
        {
            "state": "rejected",
            "at": recorder.now_ms(),
            "seq": recorder.next_seq(),
            "error": {"name": name, "message": message, **({"line": line} if line else {})},
        }
    )


def _virtual_time_functions(recorder: Recorder) -> dict:
    clock = recorder.clock
    main_thread = threading.main_thread()

    # The virtual clock is the event loop's thread's. Another thread (an
    # executor's, multiprocessing's) reads real time: it runs for real, and
    # its waits (poll until a deadline) need a clock that moves on by itself.
    def monotonic() -> float:
        if threading.current_thread() is not main_thread:
            return _real_monotonic()
        return clock.now()

    def monotonic_ns() -> int:
        return int(round(monotonic() * 1e9))

    def wall() -> float:
        if threading.current_thread() is not main_thread:
            return _real_time()
        return VIRTUAL_EPOCH_S + clock.now()

    def wall_ns() -> int:
        return int(round(wall() * 1e9))

    def sleep(seconds) -> None:
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if threading.current_thread() is not threading.main_thread():
            # A worker thread sleeping does not hold the loop: let it wait for real.
            _real_sleep(seconds)
            return
        recorder.block(seconds, f"time.sleep({_format_seconds(seconds)})")

    return {
        "monotonic": monotonic,
        "perf_counter": monotonic,
        "time": wall,
        "monotonic_ns": monotonic_ns,
        "perf_counter_ns": monotonic_ns,
        "time_ns": wall_ns,
        "sleep": sleep,
    }


def _neuter_bridge(hidden: list[str]) -> list[tuple[dict, dict]]:
    """
    Pyodide's own modules hold the way to JavaScript (`js`, `pyodide_js`,
    `to_js`, `run_js`...). Hiding them from sys.modules is not enough:
    learner code can walk `object.__subclasses__()` to one of their classes
    and read a method's `__globals__`. So for the length of the run their
    namespaces are emptied (dunder names kept), and JsFinder's table of
    JavaScript modules with them; `_leave` puts everything back. The harness
    itself needs none of it while learner code runs.
    """
    neutered: list[tuple[dict, dict]] = []

    def empty(namespace) -> None:
        if not isinstance(namespace, dict):
            return
        snapshot = dict(namespace)
        for key in snapshot:
            if not (isinstance(key, str) and key.startswith("__") and key.endswith("__")):
                namespace[key] = None
        neutered.append((namespace, snapshot))

    for name in hidden:
        if name.split(".", 1)[0] in ("course_harness", "guard"):
            continue
        namespace = getattr(sys.modules.get(name), "__dict__", None)
        finder = namespace.get("jsfinder") if isinstance(namespace, dict) else None
        empty(getattr(finder, "jsproxies", None))
        empty(namespace)
    return neutered


def _enter(recorder: Recorder, module: types.ModuleType, course_module: types.ModuleType) -> dict:
    """Puts the run's clock, output, policy and modules in place; returns what to restore."""
    saved: dict = {}
    saved["stdout"], saved["stderr"], saved["stdin"] = sys.stdout, sys.stderr, sys.stdin
    # Nobody types into a run: input() meets the end of input at once (EOFError), under CPython and Pyodide alike.
    sys.stdin = io.StringIO("")
    saved["stdout_writer"] = LineWriter(recorder, "log")
    saved["stderr_writer"] = LineWriter(recorder, "error")
    sys.stdout, sys.stderr = saved["stdout_writer"], saved["stderr_writer"]

    saved["time"] = {name: getattr(time, name) for name in ("monotonic", "perf_counter", "time", "monotonic_ns", "perf_counter_ns", "time_ns", "sleep")}
    if recorder.clock.virtual:
        for name, fn in _virtual_time_functions(recorder).items():
            setattr(time, name, fn)
    else:
        real_sleep = saved["time"]["sleep"]

        def blocking_sleep(seconds) -> None:
            span = recorder.start_span(f"time.sleep({_format_seconds(seconds)})", "cpu", ms=_ms(float(seconds)))
            real_sleep(seconds)
            recorder.end_span(span)

        time.sleep = blocking_sleep

    saved["showwarning"] = warnings.showwarning
    saved["warning_filters"] = warnings.filters[:]

    def showwarning(message, category, filename, lineno, file=None, line=None):
        # A warning raised in the learner's file names its line, as CPython prints it. One raised
        # elsewhere (a coroutine never awaited, collected in the harness) names no place: the
        # harness's path differs between CPython and Pyodide and means nothing to a learner.
        if filename == LEARNER_FILE:
            text = warnings.formatwarning(message, category, filename, lineno, line)
        else:
            text = f"{category.__name__}: {message}\n"
        sys.stderr.write(text)

    warnings.showwarning = showwarning
    # As `python3 main.py` does by default: each warning once per place it comes from.
    warnings.resetwarnings()
    warnings.simplefilter("default")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=ResourceWarning)

    # Pyodide replaces asyncio.run with its own (run on the WebLoop); learner code gets the standard library's.
    import asyncio.runners

    saved["asyncio_run"] = asyncio.run
    asyncio.run = asyncio.runners.run

    saved["asyncio_sleep"] = (asyncio.sleep, asyncio.tasks.sleep)
    recorded_sleep = make_recorded_sleep(recorder, "asyncio.sleep")
    asyncio.sleep = recorded_sleep
    asyncio.tasks.sleep = recorded_sleep

    with warnings.catch_warnings():
        # Python 3.14 deprecates policies; they still work, and Pyodide's WebLoop is installed as one.
        warnings.simplefilter("ignore", DeprecationWarning)
        saved["policy"] = asyncio.events._event_loop_policy  # may be None: the default, created lazily
        asyncio.set_event_loop_policy(VirtualLoopPolicy(recorder))
    saved["running_loop"] = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)

    saved["meta_path"] = sys.meta_path[:]
    sys.meta_path[:] = [_IMPORT_GUARD, *(f for f in sys.meta_path if not _is_js_finder(f))]
    hidden = [name for name in sys.modules if _hidden(name)]
    saved["neutered"] = _neuter_bridge(hidden)
    saved["modules"] = {name: sys.modules.get(name) for name in (*hidden, "__main__", "course", "aiohttp")}
    for name in hidden:
        sys.modules.pop(name, None)
    sys.modules["__main__"] = module if module.__name__ == "__main__" else saved["modules"]["__main__"]
    sys.modules["course"] = course_module
    # aiohttp's ClientSession shape, answered by the course's simulated server.
    sys.modules["aiohttp"] = course_module.aiohttp

    SANDBOX.install()
    SANDBOX.recorder = recorder
    return saved


def _leave(saved: dict) -> None:
    SANDBOX.active = False
    SANDBOX.recorder = None
    sys.meta_path[:] = saved["meta_path"]
    for namespace, snapshot in saved["neutered"]:
        namespace.update(snapshot)
    for name, value in saved["modules"].items():
        if value is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = value
    asyncio.events._set_running_loop(saved["running_loop"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.events._event_loop_policy = saved["policy"]
    asyncio.sleep, asyncio.tasks.sleep = saved["asyncio_sleep"]
    asyncio.run = saved["asyncio_run"]
    warnings.showwarning = saved["showwarning"]
    warnings.filters[:] = saved["warning_filters"]
    for name, fn in saved["time"].items():
        setattr(time, name, fn)
    sys.stdout, sys.stderr, sys.stdin = saved["stdout"], saved["stderr"], saved["stdin"]


#: The host's stdout, taken before any learner code runs (Pyodide: the stream behind pyodide.setStdout).
_HOST_STDOUT = sys.stdout


def run_json(request_json: str) -> str:
    """
    run() for a host that speaks strings (Pyodide's JavaScript side): the
    request as JSON in, the observation as JSON out. Each printed line goes
    to the host's stdout as it is printed, as `<nonce> line {...}`, the
    protocol main.py speaks under CPython. No JavaScript object is handed to
    Python: learner code can find whatever the harness holds, and a
    JavaScript function would be a way out to the worker's globals.
    """
    request = json.loads(request_json)
    nonce = str(request.pop("nonce", ""))
    host = _HOST_STDOUT

    def on_line(line: dict) -> None:
        if nonce and host is not None:
            host.write(f"{nonce} line {json.dumps(line, ensure_ascii=False)}\n")
            host.flush()

    try:
        observation = run(request, on_line)
    except BaseException as error:  # noqa: BLE001 - the host reports it as the harness's failure
        observation = {"internalError": f"{type(error).__name__}: {error}"}
    return json.dumps(observation, ensure_ascii=False)
