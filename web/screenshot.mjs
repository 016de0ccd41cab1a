// Screenshots of the built page (dist/) in Debian's headless Chromium via playwright-core:
// serves dist/ on a free localhost port (tests/browser/support.mjs), waits for the first frame, steps.
// Usage: node web/screenshot.mjs [steps]   -> build/web-app/screenshot-*.png
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, serve } from '../tests/browser/support.mjs';

const dist = process.env.LOOPSTEP_DIST ?? join(root, 'dist');
const out = process.env.LOOPSTEP_SHOTS ?? join(root, 'build', 'web-app');
const steps = Number(process.argv[2] ?? 6);

if (!existsSync(join(dist, 'loopstep_app.wasm'))) {
  console.error('dist/ has no loopstep_app.wasm: cmake --build --preset web-app first');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const server = await serve(dist);
const url = server.url;
let browser;
let failed = false;
try {
  browser = await launch();
  const views = [
    { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1 },
    { name: 'hidpi', width: 1280, height: 800, deviceScaleFactor: 2 },
    { name: 'narrow', width: 420, height: 820, deviceScaleFactor: 2 },
  ];
  for (const view of views) {
    const page = await browser.newPage({ viewport: { width: view.width, height: view.height },
                                         deviceScaleFactor: view.deviceScaleFactor });
    page.on('console', (message) => console.log(`[${view.name}] console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => { failed = true; console.log(`[${view.name}] page error: ${error.message}`); });
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.loopstep, null, { timeout: 60000 });
    const state = await page.evaluate(() => document.body.dataset.loopstep);
    console.log(`[${view.name}] page ${state} after ${Date.now() - started} ms`);
    if (state !== 'ready') failed = true;
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `screenshot-${view.name}-start.png`) });
    for (let i = 0; i < steps; ++i) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(200);
    const cursor = await page.evaluate(() => [loopstep.state().step, loopstep.state().steps]);
    console.log(`[${view.name}] cursor ${cursor[0]} of ${cursor[1]} events after ${steps} right-arrow presses`);
    await page.screenshot({ path: join(out, `screenshot-${view.name}-step${steps}.png`) });
    await page.evaluate(() => { loopstep.goToChapter(3); loopstep.seek(250); });  // the 12 requests, concurrently
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `screenshot-${view.name}-event300.png`) });
    await page.keyboard.press('End');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `screenshot-${view.name}-end.png`) });
    if (view.name === 'desktop') {
      await page.keyboard.press('Home');
      await page.keyboard.press('Space');  // play: about 8 events a second
      await page.waitForTimeout(1000);
      await page.keyboard.press('Space');
      console.log(`[${view.name}] cursor ${await page.evaluate(() => loopstep.state().step)} after playing 1 s`);
    }
    if (view.name === 'desktop') {  // the canvas follows the window when it is resized
      await page.setViewportSize({ width: 900, height: 640 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, 'screenshot-desktop-resized.png') });
    }
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  if (browser) await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
