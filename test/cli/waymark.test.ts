/**
 * The `waymark` CLI as a user runs it: the real binary (bin/waymark.cjs) as a child process
 * against the real stack of the global setup. It deploys a folder, starts an instance with
 * variables and watches it to completion, lists and inspects with `--json`, sets variables of a
 * waiting instance, retries an incident, and keeps its exit codes: 1 refused, 2 usage, 3 unreachable, 4 not completed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiUrl, fixturesDir, waitAt } from '../support/api';
import { ReplayCheck } from '../support/histories';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'waymark.cjs');
const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function waymark(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, WAYMARK_API_URL: apiUrl(), ...env }, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-cli-'));
  for (const [name, from] of Object.entries(files))
    fs.copyFileSync(path.join(fixturesDir, 'bpmn', from), path.join(dir, name));
  return dir;
}

test('deploy a folder, start with variables and watch it to completion', async () => {
  // Given a folder with two models
  const dir = folderWith({ 'a.bpmn': 'service-task-noop.bpmn', 'b.bpmn': 'user-task.bpmn' });

  // When it is deployed with --json
  const deployed = await waymark(['deploy', dir, '--json']);

  // Then both files became deployed definitions
  expect(deployed.code).toBe(0);
  const out = JSON.parse(deployed.stdout);
  expect(out.ok).toBe(true);
  expect(out.files.map((f: { file: string }) => path.basename(f.file))).toEqual([
    'a.bpmn',
    'b.bpmn',
  ]);
  expect(out.files.map((f: { key: string }) => f.key)).toEqual(['service-task-noop', 'user-task']);
  expect(out.files.every((f: { versionStatus: string }) => f.versionStatus === 'deployed')).toBe(
    true,
  );

  // When an instance starts with variables and is watched
  const started = await waymark([
    'start',
    'service-task-noop',
    '--var',
    'n=3',
    '--var',
    'customer.id=c-7',
    '--json',
  ]);
  expect(started.code).toBe(0);
  const { instanceId } = JSON.parse(started.stdout);
  replay.add(instanceId, 'cli-service-task-noop');
  const watched = await waymark(['watch', instanceId, '--interval', '100', '--timeout', '60']);

  // Then it completed, the watch printed its elements, and inspect shows the variables
  expect(watched.code).toBe(0);
  expect(watched.stdout).toMatch(/✓ StartEvent_1/);
  expect(watched.stdout).toMatch(new RegExp(`${instanceId} COMPLETED`));
  const inspected = await waymark(['inspect', instanceId, '--json']);
  expect(inspected.code).toBe(0);
  const view = JSON.parse(inspected.stdout);
  expect(view.status).toBe('COMPLETED');
  expect(view.variables).toMatchObject({ n: 3, customer: { id: 'c-7' } });
  expect(view.trail.map((t: { elementId: string }) => t.elementId)[0]).toBe('StartEvent_1');

  // And the instance is listed for its definition
  const listed = await waymark([
    'list',
    'instances',
    '--definition',
    'service-task-noop',
    '--json',
  ]);
  expect(listed.code).toBe(0);
  expect(
    JSON.parse(listed.stdout).items.map((i: { instanceId: string }) => i.instanceId),
  ).toContain(instanceId);
}, 180_000);

test('a model with problems is refused with its element ids (exit 1); --dry-run sends nothing', async () => {
  const dir = folderWith({ 'bad.bpmn': 'invalid/duplicate-id.bpmn' });

  const refused = await waymark(['deploy', dir]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/✗ .*bad\.bpmn: the model has \d+ problem/);
  expect(refused.stdout).toMatch(/\[duplicate-id\]/);

  const dry = await waymark([
    'deploy',
    '--dry-run',
    '--json',
    path.join(fixturesDir, 'bpmn', 'terminate-end.bpmn'),
    path.join(dir, 'bad.bpmn'),
  ]);
  expect(dry.code).toBe(1);
  const out = JSON.parse(dry.stdout);
  expect(out.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, false]);
  expect(out.files[1].problems.some((p: { rule: string }) => p.rule === 'duplicate-id')).toBe(true);
  // Nothing was deployed by the dry run.
  const defs = JSON.parse((await waymark(['list', 'definitions', '--json'])).stdout);
  expect(defs.items.map((d: { key: string }) => d.key)).not.toContain('terminate-end');
}, 120_000);

test('start --wait exits 4 when the instance is canceled; incidents retry names what it retried', async () => {
  await waymark([
    'deploy',
    path.join(fixturesDir, 'bpmn', 'user-task.bpmn'),
    path.join(fixturesDir, 'bpmn', 'service-task-incident.bpmn'),
  ]);

  // A watched instance that is canceled ends the watch with exit 4
  const started = JSON.parse((await waymark(['start', 'user-task', '--json'])).stdout);
  replay.add(started.instanceId, 'cli-user-task-canceled');
  const watching = waymark(['watch', started.instanceId, '--interval', '100', '--timeout', '60']);
  await waitAt(started.instanceId, 'UserTask_Approve');
  expect((await waymark(['cancel', started.instanceId])).code).toBe(0);
  const watched = await watching;
  expect(watched.code).toBe(4);
  expect(watched.stdout).toMatch(/CANCELED/);

  // An incident is retried by instance (all open incidents)
  const failing = JSON.parse((await waymark(['start', 'service-task-incident', '--json'])).stdout);
  replay.add(failing.instanceId, 'cli-service-task-incident');
  let view;
  for (let i = 0; i < 100; i++) {
    view = JSON.parse((await waymark(['inspect', failing.instanceId, '--json'])).stdout);
    if (view.incidents.length > 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const retried = await waymark(['incidents', 'retry', failing.instanceId, '--json']);
  expect(retried.code).toBe(0);
  expect(JSON.parse(retried.stdout).retried).toHaveLength(1);
  const again = await waymark(['incidents', 'retry', failing.instanceId, 'no-such-incident']);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/404/);
}, 180_000);

test('usage errors exit 2, an unreachable API exits 3, a refused request prints its problem', async () => {
  expect((await waymark(['start'])).code).toBe(2);
  expect((await waymark(['start', 'x', '--var', 'novalue'])).code).toBe(2);
  const down = await waymark(['list', 'definitions'], { WAYMARK_API_URL: 'http://127.0.0.1:9' });
  expect(down.code).toBe(3);
  expect(down.stderr).toMatch(/cannot reach the Waymark API at http:\/\/127\.0\.0\.1:9/);
  const missing = await waymark(['start', 'no-such-definition', '--json']);
  expect(missing.code).toBe(1);
  expect(JSON.parse(missing.stdout).error.status).toBe(404);
}, 60_000);

test('variables set changes a waiting instance (the gateway sees it); bad pairs exit 2, refusals 1', async () => {
  // Given a deployed variables-edit instance waiting at its user task, headed for the slow path
  const dir = folderWith({ 'v.bpmn': 'variables-edit.bpmn' });
  expect((await waymark(['deploy', dir])).code).toBe(0);
  const started = await waymark(['start', 'variables-edit', '--var', 'route=slow', '--json']);
  const { instanceId } = JSON.parse(started.stdout);
  replay.add(instanceId, 'cli-variables-edit');
  await waitAt(instanceId, 'Task_Review');

  // When variables are set with --json (values parsed as start --var)
  const set = await waymark([
    'variables',
    'set',
    instanceId,
    'route=fast',
    'n=3',
    'note.by=cli',
    '--json',
  ]);

  // Then the answer is the instance's root variables after the change
  expect(set.code).toBe(0);
  expect(JSON.parse(set.stdout)).toEqual({
    instanceId,
    variables: { route: 'fast', n: 3, note: { by: 'cli' } },
  });

  // And without --json it says what it set and lists the variables
  const text = await waymark(['variables', 'set', instanceId, 'n=4']);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(new RegExp(`${instanceId}: set n`));
  expect(text.stdout).toMatch(/ {2}n = 4/);

  // Bad pairs are usage errors and send nothing; the API's refusals exit 1 with the problem
  expect((await waymark(['variables', 'set', instanceId, 'novalue'])).code).toBe(2);
  expect((await waymark(['variables', 'set', instanceId, '__proto__.x=1'])).code).toBe(2);
  expect((await waymark(['variables', 'set', instanceId])).code).toBe(2);
  const unknown = await waymark(['variables', 'set', 'no-such-instance', 'a=1', '--json']);
  expect(unknown.code).toBe(1);
  expect(JSON.parse(unknown.stdout).error.status).toBe(404);

  // The gateway after the task decides on the changed value; a closed instance is refused (409)
  const task = `${instanceId}/Task_Review/1`;
  const done = await fetch(`${apiUrl()}/user-tasks/${encodeURIComponent(task)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(done.status).toBe(200);
  const watched = await waymark(['watch', instanceId, '--interval', '100', '--timeout', '60']);
  expect(watched.code).toBe(0);
  expect(watched.stdout).toMatch(/End_Fast/);
  const inspected = JSON.parse((await waymark(['inspect', instanceId, '--json'])).stdout);
  expect(inspected.variables).toEqual({ route: 'fast', n: 4, note: { by: 'cli' } });
  const closed = await waymark(['variables', 'set', instanceId, 'n=5']);
  expect(closed.code).toBe(1);
  expect(closed.stderr).toMatch(/409/);
}, 180_000);
