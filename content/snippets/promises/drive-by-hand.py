class Wait:
    """An awaitable that hands a request up to whoever drives the coroutine."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __await__(self):
        answer = yield self.what  # pause here; resume with the driver's answer
        return answer


async def brew() -> str:
    print("brew: starts")
    water = await Wait("hot water")
    print(f"brew: got {water}")
    return "tea"


coro = brew()  # nothing has run yet
request = coro.send(None)  # run up to the first pause
print(f"driver: the coroutine asks for {request}")
try:
    coro.send("water at 95 °C")  # resume it with an answer
except StopIteration as finished:
    print(f"driver: it returned {finished.value}")
