// fetch answers from a simulated shop: nothing leaves your browser.
async function inStock(item: string): Promise<number> {
  const url = `https://shop.example/stock/${item}`;
  const response = await fetch(url);
  if (!response.ok) {
    // An error status is still an answer: fetch resolved, so throw.
    const { status, statusText } = response;
    throw new Error(`${url} answered ${status} ${statusText}`);
  }
  const { count } = (await response.json()) as { count: number };
  return count;
}

for (const item of ['teapot', 'kettle']) {
  try {
    console.log(`${item}: ${await inStock(item)} in stock`);
  } catch (error) {
    console.log(`no stock count: ${(error as Error).message}`);
  }
}
