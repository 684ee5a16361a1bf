/**
 * The console tests' browser: Debian's Chromium (scripts/ensure-chromium.sh finds or installs
 * it) driven by puppeteer-core, one page at 1280×900; screenshots go to test/artifacts/console/
 * (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

const root = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'console');

export async function openBrowser(): Promise<{ browser: Browser; page: Page }> {
  const executablePath = execFileSync(path.join(root, 'scripts', 'ensure-chromium.sh'), {
    encoding: 'utf8',
  }).trim();
  fs.mkdirSync(artifacts, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return { browser, page };
}

export function screenshot(page: Page, name: string): Promise<unknown> {
  return page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}
