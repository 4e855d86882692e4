# expect: fails all-started-first "brew_coffee() was never called"
import time


# time.sleep blocks the event loop (nothing else runs), and the helpers never cook anything.
async def make_breakfast() -> list[str]:
    time.sleep(1)
    return ["coffee is ready", "toast is ready", "eggs are ready"]
