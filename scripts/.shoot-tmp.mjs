import { chromium } from '@playwright/test';
const [,, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const path of paths) {
  for (const width of [375, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`http://localhost:4455${path}`);
      const name = `${path.replace(/\W+/g, '_')}${width}_${scheme}`;
      await page.screenshot({ path: `/tmp/content-shots/${name}.png`, fullPage: true });
      // Code blocks whose lines are cut: scrollWidth beyond the box (phones may scroll).
      const clipped = await page.evaluate(() => [...document.querySelectorAll('pre')].filter((p) => p.scrollWidth > p.clientWidth + 1).length);
      const total = await page.evaluate(() => document.querySelectorAll('pre').length);
      console.log(name, `pre overflowing: ${clipped}/${total}`);
      await page.close();
    }
  }
}
await browser.close();
