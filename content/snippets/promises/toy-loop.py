import heapq
from collections import deque


class Sleep:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __await__(self):
        yield self  # hand the request to the loop, pause until it resumes us


class ToyLoop:
    def __init__(self) -> None:
        self.now, self.ready, self.timers, self.booked = 0, deque(), [], 0

    def spawn(self, coro) -> None:
        self.ready.append(coro)

    def run(self) -> None:
        while self.ready or self.timers:
            if not self.ready:  # nothing to run: jump to the next timer
                self.now, _, coro = heapq.heappop(self.timers)
                self.ready.append(coro)
            coro = self.ready.popleft()
            try:
                request = coro.send(None)  # run it until its next await
            except StopIteration:
                continue  # it returned: finished
            self.booked += 1  # keeps timers due together in booking order
            heapq.heappush(self.timers, (self.now + request.ms, self.booked, coro))


loop = ToyLoop()


async def worker(name: str, pause: int) -> None:
    for step in range(1, 4):
        print(f"{loop.now} ms: {name} step {step}")
        await Sleep(pause)


loop.spawn(worker("fast", 100))
loop.spawn(worker("slow", 250))
loop.run()
