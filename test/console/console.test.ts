/**
 * The operator console in a real browser (Debian's Chromium driven by puppeteer-core) against
 * the real stack: deploy a model by choosing its file, start an instance, see the user-task
 * token on the diagram, complete the task from the tasklist's Camunda form (form-js), see the
 * path completed; an incident shows its message and Retry resolves it; a variable edited on the
 * instance page (kept across polls while typed) reaches the instance. Screenshots go to
 * test/artifacts/console/ (git-ignored).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { openBrowser, screenshot } from './support/browser';
import { apiUrl, fixturesDir, getInstance, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBrowser());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

const shot = (name: string) => screenshot(page, name);

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

test('variables: edit one on a running instance, keep what is typed across polls, add one, see a refusal', async () => {
  // Given a variables-edit instance waiting at its user task, headed for the slow path
  const xml = fs.readFileSync(path.join(fixturesDir, 'bpmn', 'variables-edit.bpmn'), 'utf8');
  const deployed = await fetch(`${apiUrl()}/definitions?deploy=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: xml,
  });
  expect(deployed.status).toBeLessThan(300);
  const started = await fetch(`${apiUrl()}/definitions/variables-edit/instances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ variables: { route: 'slow' } }),
  });
  const { instanceId } = (await started.json()) as { instanceId: string };
  replay.add(instanceId, 'console-variables-edit');
  await waitFor(instanceId, (i) => i.userTasks?.length === 1);
  const patchApi = (variables: Record<string, unknown>) =>
    fetch(`${apiUrl()}/instances/${encodeURIComponent(instanceId)}/variables`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables }),
    });

  // When its page is opened, route is shown as JSON in its edit control
  await page.goto(`${apiUrl()}/console/#/instance/${encodeURIComponent(instanceId)}`, {
    waitUntil: 'networkidle0',
  });
  const route = '[data-var-input="route"]';
  await page.waitForSelector(route);
  expect(await page.$eval(route, (el) => (el as unknown as { value: string }).value)).toBe(
    '"slow"',
  );

  // And while the operator types a new value, another change arrives and the page redraws
  await page.click(route, { clickCount: 3 });
  await page.keyboard.type('fa');
  expect((await patchApi({ other: 1 })).status).toBe(200);
  await page.waitForSelector('[data-var-input="other"]', { timeout: 30_000 });

  // Then the typed text and the focus survived the redraw, and typing goes on where it was
  expect(await page.$eval(route, (el) => (el as unknown as { value: string }).value)).toBe('fa');
  expect(await page.evaluate(`document.activeElement?.dataset.field`)).toBe('route');
  await page.keyboard.type('st');
  await shot('variables-typing');

  // When it is saved, the instance has the new value and the next poll shows it
  await page.click('[data-var-save="route"]');
  await waitFor(instanceId, (i) => i.variables?.route === 'fast');
  await page.waitForFunction(
    `document.querySelector('[data-var-input="route"]')?.value === '"fast"'`,
    { timeout: 30_000 },
  );

  // And a variable added in the add row arrives as JSON
  await page.type('#var-new-name', 'limit');
  await page.type('#var-new-value', '{"max": 5}');
  await page.click('#var-add');
  await waitFor(instanceId, (i) => i.variables?.limit?.max === 5);
  await page.waitForSelector('[data-var-input="limit"]', { timeout: 30_000 });

  // And a refused change shows the problem with the field it names
  await page.type('#var-new-name', 'constructor');
  await page.type('#var-new-value', '1');
  await page.click('#var-add');
  await page.waitForSelector('#variables-error');
  const error = await page.$eval('#variables-error', (el) => el.textContent ?? '');
  expect(error).toMatch(/400/);
  expect(error).toMatch(/body\.variables\.constructor: .*reserved name/);
  await shot('variables-refused');

  // And the gateway after the task decides on the operator's value
  const task = `${instanceId}/Task_Review/1`;
  const done = await fetch(`${apiUrl()}/user-tasks/${encodeURIComponent(task)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(done.status).toBe(200);
  const closed = await waitFor(instanceId);
  expect(closed.trail.map((t: { elementId: string }) => t.elementId)).toContain('End_Fast');
  expect(closed.variables).toEqual({ route: 'fast', other: 1, limit: { max: 5 } });

  // Then the closed instance's variables are shown read-only
  await page.waitForSelector('pre#variables', { timeout: 30_000 });
  expect(await page.$('[data-var-input]')).toBeNull();
}, 180_000);
