"""
Command-line entry of the Python harness (CPython; the CLI and the unit tests).

    python3 -I main.py < request.json

Reads one JSON request on stdin (see course_harness.run; plus "nonce"), runs
it, and writes to stdout, one per line, each prefixed with the nonce:

    <nonce> start {}             the harness is loaded: the budget starts now
    <nonce> line {...}           a printed line, as soon as it is printed
    <nonce> observation {...}    the ScenarioObservation, at the end

Streaming the lines means a run the host kills (an endless loop) still shows
what it printed. The nonce arrives on stdin, which the harness reads before
any learner code runs, so a learner's own print can't pass for the harness's
output by accident.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True

import course_harness  # noqa: E402


#: Memory the learner's run may use before allocations fail (MemoryError), as the Node worker's heap limit.
MEMORY_LIMIT_BYTES = 1 << 30


def limit_memory() -> None:
    try:
        import resource
    except ImportError:  # not on Windows, not in Pyodide: the host's own limits apply
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT_BYTES:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, hard))
    except (ValueError, OSError):
        pass


def main() -> None:
    request = json.loads(sys.stdin.readline())
    limit_memory()
    nonce = str(request.pop("nonce"))
    out = sys.stdout

    def emit(kind: str, payload) -> None:
        out.write(f"{nonce} {kind} {json.dumps(payload, ensure_ascii=False)}\n")
        out.flush()

    # The host's budget for learner code starts now, not at process start (slow on a busy machine).
    emit("start", {})
    try:
        observation = course_harness.run(request, on_line=lambda line: emit("line", line))
    except BaseException as error:  # noqa: BLE001 - the harness failing is reported, not a crash without a word
        observation = {"internalError": f"{type(error).__name__}: {error}"}
    # A thread learner code left running goes on until os._exit below: it stays in the sandbox meanwhile
    # (the harness itself asks for nothing the sandbox refuses from here on).
    course_harness.SANDBOX.active = True
    emit("observation", observation)
    out.flush()
    # Threads a learner left running (an executor) must not keep the process alive.
    os._exit(0)


if __name__ == "__main__":
    main()
