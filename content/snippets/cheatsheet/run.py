import asyncio


async def main() -> str:
    print("working")
    await asyncio.sleep(0.2)
    return "done"


result = asyncio.run(main())
print(result)
