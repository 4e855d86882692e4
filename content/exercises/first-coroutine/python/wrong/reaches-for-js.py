# expect: fails runs "learner code can't reach outside"
import js  # Pyodide's bridge to JavaScript: refused, so it can't reach the page or the harness

from course import operation


async def main() -> None:
    print("Starting")
    await operation()
    print("Finished")
