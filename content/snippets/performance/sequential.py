import time


def work(n: int) -> str:
    time.sleep(1)  # holds the thread for a full second: nothing else can run
    print(f"work {n} done")
    return f"result {n}"


started = time.perf_counter()
results = [work(1), work(2), work(3)]
print(", ".join(results))
print(f"took about {time.perf_counter() - started:.1f} s")
