#!/usr/bin/env node
/**
 * Renders assets/icon.svg to the PNG sizes the manifest references (16, 32, 64, 80 px) with
 * Chromium, so the ribbon and store icons all come from one drawing. The PNGs are committed;
 * run this again after changing the SVG: `node scripts/make-icons.js`.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80];
const ASSETS = path.join(__dirname, '..', 'assets');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
  const svg = fs.readFileSync(path.join(ASSETS, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const file = path.join(ASSETS, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
