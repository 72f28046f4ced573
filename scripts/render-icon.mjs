#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128×128, transparent corners), the icon package.json
// names for the marketplace, with Debian's Chromium through playwright-core (the browser the UI tests
// drive). Run it after changing the SVG and commit both files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const SIZE = 128;
const svg = readFileSync(join(root, "images/icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
  timeout: 60_000,
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator("svg").screenshot({ path: join(root, "images/icon.png"), omitBackground: true, timeout: 30_000 });
} finally {
  await browser.close();
}
console.log("wrote images/icon.png");
