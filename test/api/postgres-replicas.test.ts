/**
 * Two API processes on one PostgreSQL registry, as a scaled-out deployment runs them: started
 * together against an empty database, both migrate it (one after the other, under the advisory
 * lock) and listen; a definition deployed through one is served by the other, and uploads of
 * one key through both at once get distinct version numbers. Real processes (`src/api/main.ts`),
 * real HTTP, the test run's Temporal server, a throwaway PostgreSQL server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/temporal/dev-server';
import { startPostgres, type PostgresServer } from '../support/postgres';

const root = path.resolve(__dirname, '..', '..');
let server: PostgresServer;
const apis: ChildProcess[] = [];
let dataDir: string;

beforeAll(async () => {
  server = await startPostgres();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-replicas-'));
}, 60_000);
afterAll(async () => {
  await Promise.all(apis.map(stop));
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `src/api/main.ts` on a free port; resolves with its URL once it listens. */
async function startApiProcess(databaseUrl: string, name: string): Promise<string> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    WAYMARK_DATA_DIR: path.join(dataDir, name),
    WAYMARK_SECRET: 'replicas-share-this-signing-secret',
    LOG_LEVEL: 'info',
  };
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const api = spawn(tsx, [path.join(root, 'src', 'api', 'main.ts')], { cwd: root, env });
  apis.push(api);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not listening:\n${output}`)), 90_000);
    const seen = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Waymark API listening')) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    api.stdout.on('data', seen);
    api.stderr.on('data', seen);
    api.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((r) => api.once('exit', r));
  api.kill('SIGTERM');
  await exited;
}

const model = (key: string, task: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task" name="${task}"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

async function upload(api: string, xml: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api}/definitions?deploy=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: xml,
  });
  return { status: res.status, body: await res.json() };
}

test('two API processes start together on an empty database and share the registry', async () => {
  // given an empty database, when two API processes start against it at once
  const databaseUrl = await server.createDatabase();
  const [first, second] = await Promise.all([
    startApiProcess(databaseUrl, 'api-1'),
    startApiProcess(databaseUrl, 'api-2'),
  ]);
  // then both listen and answer from one migrated registry
  for (const api of [first, second]) expect((await fetch(`${api}/health/ready`)).status).toBe(200);
  const deployed = await upload(first, model('replica-order', 'Ship'));
  expect(deployed.status).toBe(201);
  const read = await fetch(`${second}/definitions/replica-order`);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ key: 'replica-order', id: deployed.body.id });
  // and uploads of one new key through both at once number their versions without a clash
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      upload(i % 2 ? first : second, model('replica-race', `Task ${i}`)),
    ),
  );
  expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
  expect(results.map((r) => r.body.version as number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  expect(new Set(results.map((r) => r.body.id as string)).size).toBe(1);
});
