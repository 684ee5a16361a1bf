/**
 * The console's definition page and state-machine pages in a real browser (Debian's Chromium,
 * puppeteer-core) against the real stack: the heatmap badges show the visits the API counts;
 * a state machine instance shows its current state highlighted on the diagram bpmn-js draws
 * from the laid-out BPMN, a MANUAL transition button moves it, and a refused one shows the
 * 409's reason. Screenshots go to test/artifacts/console/ (git-ignored).
 */
import type { Browser, Page } from 'puppeteer-core';
import { openBrowser, screenshot } from './support/browser';
import { apiUrl, call, fixture, startInstance, waitAt, waitFor } from '../support/api';

const suffix = Date.now().toString(36);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBrowser());
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const shot = (name: string) => screenshot(page, name);

test('the heatmap badges show the visits the API counts, and the tokens there now', async () => {
  // Given three instances of a version: two down the automatic branch, one waiting for review
  const key = `console-heat-${suffix}`;
  const deployed = await call(
    'POST',
    '/definitions?deploy=true',
    fixture('heatmap-branches').replace('id="heatmap-branches"', `id="${key}"`),
    { 'content-type': 'application/xml' },
  );
  expect(deployed.status).toBe(201);
  for (const amount of [5, 7]) await waitFor(await startInstance(key, { variables: { amount } }));
  await waitAt(await startInstance(key, { variables: { amount: 500 } }), 'Task_Review');
  let heat: any;
  for (let tries = 0; tries < 100 && heat?.sampled !== 3; tries++) {
    if (tries) await new Promise((r) => setTimeout(r, 300));
    heat = (await call('GET', `/definitions/${key}/heatmap`)).body;
  }
  expect(heat.sampled).toBe(3);

  // When the definition page is opened
  await page.goto(`${apiUrl()}/console/#/definition/${key}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('[data-heat-count="Task_Review"]', { timeout: 30_000 });

  // Then every element the API counts has a badge with its visits, and active tokens say so
  const badges = await page.$$eval('[data-heat-count]', (els) =>
    els.map((e) => ({
      elementId: e.getAttribute('data-heat-count'),
      entered: Number(e.firstChild?.textContent),
      active: Number(e.getAttribute('data-heat-active')),
    })),
  );
  const expected = heat.elements.map((e: any) => ({
    elementId: e.elementId,
    entered: e.entered,
    active: e.active,
  }));
  expect(badges).toEqual(expect.arrayContaining(expected));
  expect(badges).toHaveLength(expected.length);
  expect(badges).toEqual(
    expect.arrayContaining([
      { elementId: 'StartEvent_1', entered: 3, active: 0 },
      { elementId: 'Script_Auto', entered: 2, active: 0 },
      { elementId: 'Task_Review', entered: 1, active: 1 },
    ]),
  );
  const title = await page.$eval('[data-heat-count="Script_Auto"]', (e) => e.title);
  expect(title).toMatch(/avg \d/);
  await shot('heatmap');
}, 180_000);

const machine = (code: string) => ({
  kind: 'state-machine',
  code,
  initialState: 'NEW',
  instanceMode: 'PER_RECORD',
  states: [{ code: 'NEW', isInitial: true }, { code: 'REVIEW' }, { code: 'DONE', isFinal: true }],
  transitions: [
    { code: 'START_REVIEW', fromState: 'NEW', toState: 'REVIEW', triggerType: 'MANUAL' },
    {
      code: 'APPROVE',
      fromState: 'REVIEW',
      toState: 'DONE',
      triggerType: 'MANUAL',
      conditions: 'approved = true',
    },
    { code: 'SEND_BACK', fromState: 'REVIEW', toState: 'NEW', triggerType: 'MANUAL' },
  ],
});

const currentState = () =>
  page.$$eval('.djs-element.current-state', (els) =>
    els.map((e) => e.getAttribute('data-element-id')),
  );

test('a state machine instance: current state highlighted, a MANUAL transition moves it, a refused one says why', async () => {
  // Given a running state machine instance in NEW
  const code = `CONSOLE_SM_${suffix.toUpperCase()}`;
  const deployed = await call('POST', '/definitions?deploy=true', machine(code));
  expect(deployed.status).toBe(201);
  const id = await startInstance(code, { businessKey: 'r-1', variables: { approved: false } });

  // When its page is opened
  await page.goto(`${apiUrl()}/console/#/instance/${encodeURIComponent(id)}`, {
    waitUntil: 'networkidle0',
  });
  await page.waitForSelector('.djs-element.current-state', { timeout: 30_000 });

  // Then NEW is highlighted and only its MANUAL transition is offered
  expect(await currentState()).toEqual(['State_NEW']);
  expect(await page.$$eval('[data-transition]', (b) => b.map((x) => x.dataset.transition))).toEqual(
    ['START_REVIEW'],
  );
  await shot('state-machine-new');

  // When START_REVIEW is clicked
  await page.click('[data-transition="START_REVIEW"]');

  // Then REVIEW is highlighted (and the instance is there), with its transitions as buttons
  await page.waitForFunction(
    `document.querySelector('.djs-element.current-state')?.dataset.elementId === 'State_REVIEW'`,
    { timeout: 30_000 },
  );
  expect(await currentState()).toEqual(['State_REVIEW']);
  expect((await waitFor(id, (i) => i.state === 'REVIEW')).state).toBe('REVIEW');
  await page.waitForSelector('[data-transition="APPROVE"]');

  // When APPROVE is clicked while its condition is false
  await page.click('[data-transition="APPROVE"]');

  // Then the 409's reason is shown and the state stays
  const error = await page.waitForSelector('#transition-error', { timeout: 30_000 });
  const reason = await error!.evaluate((e) => e.textContent ?? '');
  const direct = await call('POST', `/instances/${encodeURIComponent(id)}/transitions/APPROVE`, {});
  expect(direct.status).toBe(409);
  expect(reason).toContain(direct.body.detail);
  expect(reason).toContain('conditions-false');
  expect(await currentState()).toEqual(['State_REVIEW']);
  await shot('state-machine-refused');

  // And the definition page draws the same machine, final state marked
  await page.goto(`${apiUrl()}/console/#/definition/${code}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('.djs-element.final-state[data-element-id="State_DONE"]');
  const badge = await page.waitForSelector('[data-heat-count="State_REVIEW"]');
  const heat = await badge!.evaluate((e) => e.textContent ?? '');
  expect(heat).toMatch(/^1 · 1 now/);
  await shot('state-machine-definition');
}, 180_000);
