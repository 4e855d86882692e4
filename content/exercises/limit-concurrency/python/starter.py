# This version is correct but slow: it runs one job at a time.
# Change it so that up to `limit` calls of fn run at once,
# and still return the results in the order of `items`.
async def map_limit(items, limit, fn):
    results = []
    for item in items:
        results.append(await fn(item))
    return results
