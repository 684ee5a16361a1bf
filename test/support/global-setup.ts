/**
 * Jest global setup: one real Temporal dev server (in memory, free ports) and the real Waymark
 * stack — worker + API started by the same entry point as `npm start` (src/cli/dev.ts), in its
 * own process, speaking real HTTP — for the whole run. Tests find them through
 * TEMPORAL_ADDRESS and WAYMARK_API_URL. WAYMARK_TEST_SKIP_STACK=1 skips all of it (unit runs).
 * WAYMARK_TEST_STORE=postgres runs the stack's registry on a throwaway PostgreSQL server
 * (test/support/postgres.ts) through `DATABASE_URL` instead of the SQLite file. A run of only
 * suites that bring their own Temporal and stack (`npx jest test/fault`) skips it as well.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { startPostgres, type PostgresServer } from './postgres';

export interface StackHandles {
  devServer: DevServer;
  stack: ChildProcess;
  dataDir: string;
  postgres?: PostgresServer;
}

declare global {
  var __WAYMARK_STACK__: StackHandles | undefined;
}

const root = path.resolve(__dirname, '..', '..');

/** The stack's previous callback signing key and its `TEST_TOKEN` connector secret. */
export const TEST_PREVIOUS_SECRET = 'previous-signing-key-0123456789';
export const TEST_CONNECTOR_SECRET = 'connector-secret-value-4242';

/** Folders whose tests start every server they use themselves (test/fault: they kill them). */
const OWN_STACK_SUITES = ['test/fault'];

/** True when the run names paths and each lies in a suite that brings its own stack. */
function onlyOwnStackSuites(config: { testPathPatterns?: { patterns?: string[] } }): boolean {
  const patterns = config.testPathPatterns?.patterns ?? [];
  return (
    patterns.length > 0 &&
    patterns.every((p) =>
      OWN_STACK_SUITES.some((suite) => p.replace(/^\.\//, '').startsWith(suite)),
    )
  );
}

export default async function globalSetup(config: {
  testPathPatterns?: { patterns?: string[] };
}): Promise<void> {
  if (process.env.WAYMARK_TEST_SKIP_STACK === '1' || onlyOwnStackSuites(config)) return;
  const started = Date.now();
  const store = process.env.WAYMARK_TEST_STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres')
    throw new Error(`WAYMARK_TEST_STORE must be sqlite or postgres, not '${store}'`);
  const [devServer, postgres] = await Promise.all([
    startDevServer({
      port: await freePort(),
      uiPort: await freePort(),
      onProgress: (line) => console.log(line),
    }),
    store === 'postgres' ? startPostgres() : undefined,
  ]);
  const databaseUrl = postgres ? await postgres.createDatabase() : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-test-'));
  const port = await freePort();
  // The ai node's OpenAI-compatible endpoint: test/e2e/integration.test.ts listens there.
  const aiPort = await freePort();
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: devServer.address,
    TEMPORAL_UI_URL: devServer.uiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    WAYMARK_DATA_DIR: dataDir,
    WAYMARK_TASK_QUEUE: 'waymark-test',
    // test/e2e/job-workers.test.ts: a task type the config routes to a queue of its own.
    WAYMARK_TASK_QUEUES: 'mapped-job=jobs-mapped-queue',
    // The customer's services in the tests listen on 127.0.0.1; other loopback addresses
    // (127.0.0.2, …) stay denied, so a test can show the policy refusing one.
    WAYMARK_OUTBOUND_ALLOW: '127.0.0.1,::1',
    WAYMARK_EXAMPLES_DIR: path.join(root, 'examples'),
    LOG_LEVEL: 'warn',
    WAYMARK_AI_BASE_URL: `http://127.0.0.1:${aiPort}/v1`,
    WAYMARK_AI_MODEL: 'waymark-test-model',
    WAYMARK_AI_API_KEY: 'test-ai-key',
    // Security tests (test/e2e/security-*.test.ts): a signing key being rotated out, and a
    // connector secret for `{{secrets.TEST_TOKEN}}` references.
    WAYMARK_PREVIOUS_SECRET: TEST_PREVIOUS_SECRET,
    WAYMARK_SECRET_TEST_TOKEN: TEST_CONNECTOR_SECRET,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const stack = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'src', 'cli', 'dev.ts')],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logFile = path.join(dataDir, 'stack.log');
  const log = fs.createWriteStream(logFile);
  stack.stdout?.pipe(log);
  stack.stderr?.pipe(log);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`stack not ready after 180 s; log: ${logFile}\n${seen}`)),
      180_000,
    );
    stack.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('[waymark] ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    stack.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} before it was ready; log: ${logFile}\n${seen}`));
    });
  });
  process.env.TEMPORAL_ADDRESS = devServer.address;
  process.env.TEMPORAL_UI_URL = devServer.uiUrl;
  process.env.WAYMARK_API_URL = `http://127.0.0.1:${port}`;
  process.env.WAYMARK_TASK_QUEUE = 'waymark-test';
  process.env.WAYMARK_TEST_DATA_DIR = dataDir;
  process.env.WAYMARK_TEST_AI_PORT = String(aiPort);
  // In-process registries of the API tests (test/api/support.ts) get databases on it too.
  if (postgres) process.env.WAYMARK_TEST_POSTGRES_ADMIN_URL = postgres.adminUrl;
  globalThis.__WAYMARK_STACK__ = { devServer, stack, dataDir, postgres };
  console.log(
    `\n[test] Temporal ${devServer.address} + Waymark ${process.env.WAYMARK_API_URL} (registry: ${store}) ready in ${Date.now() - started} ms`,
  );
}
