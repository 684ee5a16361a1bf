/**
 * The heatmap of a definition version through the real API and a real Temporal dev server:
 * instances down both branches of a gateway, one still waiting at its user task; the heatmap
 * counts visits and tokens per element, for the version asked (the latest by default), and
 * answers problem+json for an unknown definition or version and a bad version number.
 */
import { call, completeUserTask, fixture, startInstance, waitAt, waitFor } from '../support/api';

const key = `heatmap-branches-${Date.now().toString(36)}`;
const xml = (name: string) =>
  fixture('heatmap-branches')
    .replace('id="heatmap-branches"', `id="${key}"`)
    .replace('name="Heatmap branches"', `name="${name}"`);

async function deploy(name: string): Promise<number> {
  const res = await call('POST', '/definitions?deploy=true', xml(name), {
    'content-type': 'application/xml',
  });
  expect(res.status).toBe(201);
  return res.body.version;
}

/** The heatmap once visibility lists `total` instances (it is eventually consistent). */
async function heatmapOf(query: string, total: number): Promise<any> {
  const deadline = Date.now() + 30_000;
  let last: any;
  while (Date.now() < deadline) {
    last = await call('GET', `/definitions/${key}/heatmap${query}`);
    expect(last.status).toBe(200);
    if (last.body.total === total && last.body.sampled === total) return last.body;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`heatmap did not reach ${total} instances: ${JSON.stringify(last?.body)}`);
}

const byId = (heat: any) => Object.fromEntries(heat.elements.map((e: any) => [e.elementId, e]));

test('counts visits and tokens per element of the version, down each branch', async () => {
  // Given version 1 with two automatic instances, one reviewed and one waiting for review
  const v1 = await deploy('Heatmap v1');
  const auto = [await startInstance(key, { variables: { amount: 10 } })];
  auto.push(await startInstance(key, { variables: { amount: 20 } }));
  const reviewed = await startInstance(key, { variables: { amount: 500 } });
  const waiting = await startInstance(key, { variables: { amount: 900 } });
  await completeUserTask(reviewed, 'Task_Review', { ok: true });
  for (const id of [...auto, reviewed]) await waitFor(id);
  await waitAt(waiting, 'Task_Review');
  // And version 2 with one automatic instance
  const v2 = await deploy('Heatmap v2');
  expect(v2).toBe(v1 + 1);
  await waitFor(await startInstance(key, { variables: { amount: 1 } }));

  // When the heatmap of version 1 is read
  const heat = await heatmapOf(`?version=${v1}`, 4);

  // Then each element has its visits, and the waiting token is active on the user task
  expect(heat).toMatchObject({ definition: { key, version: v1 }, truncated: false, unreadable: 0 });
  const map = byId(heat);
  expect(map.StartEvent_1).toMatchObject({ entered: 4, completed: 4, active: 0 });
  expect(map.Gateway_Amount).toMatchObject({ entered: 4, completed: 4 });
  expect(map.Script_Auto).toMatchObject({ entered: 2, completed: 2, active: 0, instances: 2 });
  expect(map.Task_Review).toMatchObject({ entered: 2, completed: 1, active: 1, instances: 2 });
  expect(map.Task_Review.avgMs).toBeGreaterThanOrEqual(0);
  expect(map.Gateway_Merge).toMatchObject({ entered: 3, completed: 3 });
  expect(map.EndEvent_1).toMatchObject({ entered: 3, completed: 3, active: 0, incidents: 0 });

  // And the default is the latest deployed version, with only its instance
  const latest = await heatmapOf('', 1);
  expect(latest.definition.version).toBe(v2);
  expect(byId(latest).Script_Auto).toMatchObject({ entered: 1, completed: 1 });
  expect(byId(latest).Task_Review).toBeUndefined();
}, 120_000);

test('unknown definition or version: 404; a bad version: 400; problem+json', async () => {
  const unknown = await call('GET', '/definitions/no-such-definition/heatmap');
  expect(unknown.status).toBe(404);
  expect(unknown.contentType).toMatch(/application\/problem\+json/);
  expect(unknown.body.type).toMatch(/definition-not-found/);
  const version = await call('GET', `/definitions/${key}/heatmap?version=999`);
  expect(version.status).toBe(404);
  expect(version.body.type).toMatch(/version-not-found/);
  const bad = await call('GET', `/definitions/${key}/heatmap?version=two`);
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].path).toMatch(/version/);
});

test("a state machine's diagram: laid-out BPMN with code → id maps; other kinds 422, bad version 400", async () => {
  // Given a deployed state machine
  const code = `HEAT_SM_${Date.now().toString(36).toUpperCase()}`;
  const deployed = await call('POST', '/definitions?deploy=true', {
    kind: 'state-machine',
    code,
    initialState: 'NEW',
    instanceMode: 'PER_RECORD',
    states: [
      { code: 'NEW', isInitial: true },
      { code: 'DONE', isFinal: true },
    ],
    transitions: [{ code: 'FINISH', fromState: 'NEW', toState: 'DONE', triggerType: 'MANUAL' }],
  });
  expect(deployed.status).toBe(201);

  // When its diagram is read, then states and transitions have ids, shapes and edges
  const d = await call('GET', `/definitions/${code}/versions/1/diagram`);
  expect(d.status).toBe(200);
  expect(d.body).toMatchObject({
    definition: { key: code, version: 1 },
    states: { NEW: 'State_NEW', DONE: 'State_DONE' },
    transitions: [{ code: 'FINISH', elementId: 'Transition_FINISH', triggerType: 'MANUAL' }],
    finalStates: ['DONE'],
  });
  expect(d.body.xml).toContain('bpmnElement="Transition_FINISH"');

  // And a BPMN definition, a bad version and a missing one are refused
  expect((await call('GET', `/definitions/${key}/versions/1/diagram`)).status).toBe(422);
  expect((await call('GET', `/definitions/${code}/versions/x/diagram`)).status).toBe(400);
  expect((await call('GET', `/definitions/${code}/versions/7/diagram`)).status).toBe(404);
});
