import asyncio


# An old callback-style API.
def look_up(key, done):
    def reply():
        if key == "phone":
            err = LookupError("not found")
            done(err, None)
        else:
            done(None, f"{key} of Ada")

    loop = asyncio.get_running_loop()
    loop.call_later(0.1, reply)


# Wrap it once, at the edge...
def read(key: str) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def done(err, value):
        if err:
            future.set_exception(err)
        else:
            future.set_result(value)

    look_up(key, done)
    return future


# ...and use async/await everywhere else.
async def show(keys: list[str]) -> None:
    for key in keys:
        try:
            print(await read(key))
        except LookupError as err:
            print(f"skipped {key}: {err}")


keys = ["name", "phone", "email"]
asyncio.run(show(keys))
