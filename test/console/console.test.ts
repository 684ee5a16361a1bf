/**
 * The operator console in a real browser (Debian's Chromium driven by puppeteer-core) against
 * the real stack: deploy a model by choosing its file, start an instance, see the user-task
 * token on the diagram, complete the task from the tasklist's Camunda form (form-js), see the
 * path completed; an incident shows its message and Retry resolves it. Screenshots go to
 * test/artifacts/console/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { apiUrl, fixturesDir, getInstance, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const root = path.resolve(__dirname, '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'console');
const replay = new ReplayCheck();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = execFileSync(path.join(root, 'scripts', 'ensure-chromium.sh'), {
    encoding: 'utf8',
  }).trim();
  fs.mkdirSync(artifacts, { recursive: true });
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });

/** The instance id the page shows (the route after a start). */
function instanceIdOf(url: string): string {
  return decodeURIComponent(url.split('#/instance/')[1] ?? '');
}

test('deploy, start, see the token, complete the task from its form, see the path completed', async () => {
  // Given the console's definitions page
  await page.goto(`${apiUrl()}/console`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#deploy-file');

  // When a model is deployed by choosing its file
  const input = await page.$('#deploy-file');
  await (input as any).uploadFile(path.join(fixturesDir, 'bpmn', 'console-approval.bpmn'));
  await page.waitForSelector('[data-deployed="console-approval"]');

  // And an instance is started from its row
  await page.waitForSelector('form[data-start="console-approval"] button');
  await page.click('form[data-start="console-approval"] button');
  await page.waitForFunction(`location.hash.startsWith('#/instance/')`);
  const id = instanceIdOf(page.url());
  replay.add(id, 'console-approval');

  // Then the diagram shows one token on the user task
  const badge = await page.waitForSelector('[data-token-count="Task_Approve"]', {
    timeout: 30_000,
  });
  expect(await badge!.evaluate((el) => el.textContent)).toBe('1');
  await shot('instance-waiting');

  // When the task is completed from the tasklist form
  await page.goto(`${apiUrl()}/console/#/tasks?assignee=demo`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`[data-open-task="${id}/Task_Approve/1"]`);
  await page.click(`[data-open-task="${id}/Task_Approve/1"]`);
  await page.waitForSelector('#task-form .fjs-form input[type="checkbox"]');
  await page.click('#task-form .fjs-form input[type="checkbox"]');
  await page.type('#task-form .fjs-form input[type="text"]', 'looks fine');
  await shot('tasklist-form');
  await page.click('#complete');
  await page.waitForSelector('#completed');

  // Then the instance page shows it completed, with the whole path marked
  await page.waitForFunction(`location.hash.startsWith('#/instance/')`);
  await page.waitForFunction(`document.getElementById('status')?.textContent === 'COMPLETED'`, {
    timeout: 30_000,
  });
  const completed = await page.$$eval('.djs-element.completed', (els) =>
    els.map((e) => e.getAttribute('data-element-id')),
  );
  expect(completed).toEqual(
    expect.arrayContaining(['StartEvent_1', 'Task_Approve', 'EndEvent_1', 'Flow_1', 'Flow_2']),
  );
  await shot('instance-completed');
  const done = await getInstance(id);
  expect(done.variables).toMatchObject({ approved: true, comment: 'looks fine' });
}, 180_000);

test('an incident shows its message on the diagram and Retry resolves it', async () => {
  // Given a service that fails until it is fixed
  let healthy = false;
  const server = http.createServer((_req, res) => {
    res.writeHead(healthy ? 200 : 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify(healthy ? { answer: 42 } : { error: 'down' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/answer`;
  try {
    const xml = fs.readFileSync(path.join(fixturesDir, 'bpmn', 'console-flaky-http.bpmn'), 'utf8');
    const deployed = await fetch(`${apiUrl()}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    expect(deployed.status).toBeLessThan(300);
    const started = await fetch(`${apiUrl()}/definitions/console-flaky-http/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { serviceUrl } }),
    });
    const { instanceId } = (await started.json()) as { instanceId: string };
    replay.add(instanceId, 'console-flaky-http');
    await waitFor(instanceId, (i) => i.incidents?.length > 0, 60_000);

    // When the instance page is opened
    await page.goto(`${apiUrl()}/console/#/instance/${encodeURIComponent(instanceId)}`, {
      waitUntil: 'networkidle0',
    });

    // Then the incident is marked on its element with its message
    await page.waitForSelector('.djs-element.incident[data-element-id="Task_Call"]');
    const note = await page.$eval('.incident-note', (el) => el.textContent ?? '');
    expect(note).toMatch(/500/);
    await shot('incident');

    // When the service is fixed and Retry is clicked
    healthy = true;
    await page.click('[data-retry]');

    // Then the instance completes with the service's answer
    await page.waitForFunction(`document.getElementById('status')?.textContent === 'COMPLETED'`, {
      timeout: 60_000,
    });
    const done = await getInstance(instanceId);
    expect(done.variables.answer).toBe(42);
    expect(done.incidents).toEqual([]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}, 180_000);
