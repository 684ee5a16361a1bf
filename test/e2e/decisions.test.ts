/**
 * DMN decisions end to end, through the real API and worker: a DMN file deploys as one
 * `dmn` definition per decision (all or nothing), evaluates at /decisions/{key}/evaluate
 * under every hit policy and as a DRG with two required decisions, and business rule tasks
 * call it — routing on the result, raising an incident on a UNIQUE violation, resolving the
 * latest version when the task runs or the version tag they are bound to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call, deployFixture, fixturesDir, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => {
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

const dmn = (name: string) => fs.readFileSync(path.join(fixturesDir, 'dmn', `${name}.dmn`), 'utf8');
const deployDmn = (xml: string, deploy = true) =>
  call('POST', `/definitions${deploy ? '?deploy=true' : ''}`, xml, {
    'content-type': 'application/xml',
  });
const evaluate = (key: string, body: unknown) => call('POST', `/decisions/${key}/evaluate`, body);

const winter = { month: 1, adults: 6, children: 4 };

beforeAll(async () => {
  const res = await deployDmn(dmn('dish'));
  expect(res.status).toBe(201);
  const hp = await deployDmn(dmn('hit-policies'));
  expect(hp.status).toBe(201);
});

test('a DMN file deploys one dmn definition per decision, versioned like other kinds', async () => {
  const again = await deployDmn(dmn('dish'));
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({
    key: 'dish',
    kind: 'dmn',
    version: 1,
    status: 'deployed',
    created: false,
  });
  expect(again.body.decisions.map((d: any) => [d.key, d.kind, d.version])).toEqual([
    ['dish', 'dmn', 1],
    ['season', 'dmn', 1],
    ['guestCount', 'dmn', 1],
  ]);
  const def = await call('GET', '/definitions/season');
  expect(def.body).toMatchObject({ key: 'season', kind: 'dmn', deployedVersion: 1 });
  const exported = await call('GET', '/definitions/dish/export');
  expect(exported.headers.get('content-disposition')).toContain('dish.dmn');
  expect(exported.body).toContain('<decision id="dish"');
  const start = await call('POST', '/definitions/dish/instances', {});
  expect(start.status).toBe(422);
});

test('a DRG with two required decisions evaluates through the API with its matched rules', async () => {
  const res = await evaluate('dish', { variables: winter });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    decision: { key: 'dish', name: 'Dish', version: 1, versionTag: 'v1' },
    result: 'Stew',
    matchedRules: [{ ruleId: 'rule_stew', ruleIndex: 2, outputs: { dish: 'Stew' } }],
  });
  expect(res.body.evaluatedDecisions.map((d: any) => [d.decisionId, d.result])).toEqual([
    ['season', 'Winter'],
    ['guestCount', 10],
    ['dish', 'Stew'],
  ]);
});

test.each([
  ['policy-unique', 'large'],
  ['policy-first', 'silver'],
  ['policy-priority', 'gold'],
  ['policy-any', 'positive'],
  ['policy-collect', ['silver', 'gold', 'bronze']],
  ['policy-collect-sum', 1100],
  ['policy-collect-min', 100],
  ['policy-collect-max', 500],
  ['policy-collect-count', 4],
  ['policy-rule-order', ['silver', 'gold', 'bronze']],
  ['policy-output-order', ['gold', 'silver', 'bronze']],
])('hit policy %s: the API and a business rule task both answer %j', async (key, expected) => {
  const res = await evaluate(key, { variables: { amount: 500 } });
  expect(res.status).toBe(200);
  expect(res.body.result).toEqual(expected);
  await deployFixture('business-rule-task-dynamic');
  const id = await replay.runFixture(
    'business-rule-task-dynamic',
    { decision: key, amount: 500 },
    `brt-${key}`,
  );
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.result).toEqual(expected);
});

test('a business rule task routes on the decision result', async () => {
  const id = await replay.runFixture('business-rule-task', winter, 'business-rule-task-stew');
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Dish', 'Gateway_Dish', 'End_Stew']);
  expect(done.variables.dish).toBe('Stew');
});

test('a UNIQUE violation is an incident naming the element and the decision (and a 422 from the API)', async () => {
  const summerParty = { month: 7, adults: 20, children: 5 };
  const api = await evaluate('dish', { variables: summerParty });
  expect(api.status).toBe(422);
  expect(api.contentType).toContain('application/problem+json');
  expect(api.body).toMatchObject({
    type: expect.stringContaining('decision-evaluation-failed'),
    failedDecisionId: 'dish',
    detail:
      "decision 'dish': hit policy UNIQUE: 2 rules matched: rule_salad (#3), rule_barbecue (#4)",
  });
  const id = await replay.runFixture(
    'business-rule-task',
    summerParty,
    'business-rule-task-unique',
  );
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toMatchObject({ elementId: 'Task_Dish', kind: 'task' });
  expect(parked.incidents[0].message).toBe(
    "element 'Task_Dish': decision 'dish' version 1 failed: decision 'dish': hit policy UNIQUE: 2 rules matched: rule_salad (#3), rule_barbecue (#4)",
  );
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('a missing decision is an incident; retried after the decision is deployed, the task completes', async () => {
  const id = await replay.runFixture(
    'business-rule-task-dynamic',
    { decision: 'late-decision' },
    'brt-late',
  );
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.incidents[0]).toMatchObject({
    elementId: 'Task_Decide',
    message:
      "element 'Task_Decide': decision 'late-decision': no decision with key 'late-decision'",
  });
  const late = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="late" name="Late" namespace="x"><decision id="late-decision" name="Late"><literalExpression><text>"on time"</text></literalExpression></decision></definitions>`;
  expect((await deployDmn(late)).status).toBe(201);
  const retry = await call(
    'POST',
    `/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
  );
  expect(retry.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.result).toBe('on time');
});

test('a business rule task with a zeebe:taskDefinition runs as a job, like a service task', async () => {
  const id = await replay.runFixture(
    'business-rule-task-job',
    { score: 21 },
    'business-rule-task-job',
  );
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Rate', 'EndEvent_1']);
  expect(done.variables).toEqual({ score: 21, rating: 42 });
});

test('bad input: problem+json with the status and the field or element', async () => {
  expect((await evaluate('dish', { variables: 'x' })).status).toBe(400);
  expect((await evaluate('dish', { variables: {}, extra: 1 })).status).toBe(400);
  const missing = await evaluate('no-such-decision', { variables: {} });
  expect(missing.status).toBe(404);
  expect((await evaluate('business-rule-task', { variables: {} })).status).toBe(404); // a BPMN key
  expect((await evaluate('dish', { version: 9 })).status).toBe(404);
  const draft = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="dr" name="Draft" namespace="x"><decision id="draft-decision"><literalExpression><text>1</text></literalExpression></decision></definitions>`;
  expect((await deployDmn(draft, false)).status).toBe(201);
  expect((await evaluate('draft-decision', {})).status).toBe(409);
  const invalid = dmn('dish')
    .replace('hitPolicy="UNIQUE"', 'hitPolicy="MOST"')
    .replace('adults + children', 'adults +');
  const bad = await deployDmn(invalid);
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: any) => [e.rule, e.elementId])).toEqual([
    ['dmn-hit-policy', 'dish_table'],
    ['dmn-feel-syntax', 'guests_expr'],
  ]);
});

test('several decisions deploy all or nothing: a key of another kind refuses the whole file', async () => {
  const both = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="both" name="Both" namespace="x">
    <decision id="atomic-first"><literalExpression><text>1</text></literalExpression></decision>
    <decision id="business-rule-task"><literalExpression><text>2</text></literalExpression></decision></definitions>`;
  await deployFixture('business-rule-task');
  const res = await deployDmn(both);
  expect(res.status).toBe(409);
  expect((await call('GET', '/definitions/atomic-first')).status).toBe(404);
});

test('versions: tasks and the API use the latest deployed version; a version tag or number pins an older one', async () => {
  // given version 2 of the DRG, where the winter stew became goulash
  const v2 = dmn('dish').replace('"Stew"', '"Goulash"').replace('value="v1"', 'value="v2"');
  const res = await deployDmn(v2);
  expect(res.status).toBe(201);
  expect(res.body.decisions.map((d: any) => [d.key, d.version, d.created])).toEqual([
    ['dish', 2, true],
    ['season', 2, true],
    ['guestCount', 2, true],
  ]);
  expect((await evaluate('dish', { variables: winter })).body).toMatchObject({
    result: 'Goulash',
    decision: { version: 2, versionTag: 'v2' },
  });
  expect((await evaluate('dish', { variables: winter, version: 1 })).body.result).toBe('Stew');
  expect((await evaluate('dish', { variables: winter, versionTag: 'v1' })).body.result).toBe(
    'Stew',
  );
  // when a new instance runs its business rule task, it takes version 2 and routes elsewhere
  const id = await replay.runFixture('business-rule-task', winter, 'business-rule-task-v2');
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Dish', 'Gateway_Dish', 'End_Other']);
  expect(done.variables.dish).toBe('Goulash');
  // and a task bound to version tag v1 still gets the stew
  const pinned = await replay.runFixture(
    'business-rule-task-dynamic',
    { ...winter, decision: 'dish', withPinned: true },
    'business-rule-task-pinned',
  );
  const both = await waitFor(pinned);
  expect(both.variables).toMatchObject({ result: 'Goulash', pinned: 'Stew' });
});
