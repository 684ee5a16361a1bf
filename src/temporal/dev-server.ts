/**
 * Runs the Temporal CLI dev server (server + Web UI) as a child process for `npm start` and
 * the test suite: installs the pinned CLI through scripts/ensure-temporal.sh when missing,
 * registers Waymark's search attributes, waits until the frontend answers, and stops it.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { searchAttributeTypes } from './search-attributes';

const run = promisify(execFile);
const repoRoot = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);

export interface DevServerOptions {
  port: number;
  uiPort: number;
  /** SQLite file for durable state; omitted = in memory (tests). */
  dbFile?: string;
  namespace?: string;
  /** Where the dev server's own log goes (default: discarded). */
  logFile?: string;
  /** Progress lines (CLI build, waiting). */
  onProgress?: (line: string) => void;
  /** More `temporal server start-dev` flags (e.g. `--sqlite-pragma`, `--dynamic-config-value`). */
  extraArgs?: string[];
}

/**
 * Dynamic config every dev server here runs with. The dev server has one history shard, and
 * each history queue reader polls at most `…MaxPollRPS` (default 20) times a second per shard:
 * every workflow task, activity task and timer waited up to 50 ms (~40 ms median) before
 * matching saw it, so a sequential activity took ~95 ms round trip. Raised, it takes ~23 ms;
 * eager activity dispatch (off by default in the OSS server) hands the next activity back in
 * the workflow-task response and saves the matching hop (~18 ms). History events are the same
 * either way. Measured with one worker and 100-400 sequential no-op activities
 * (bench/README.md, "Dev server").
 */
export const DEV_SERVER_DYNAMIC_CONFIG: Record<string, string> = {
  'history.transferProcessorMaxPollRPS': '2000',
  'history.timerProcessorMaxPollRPS': '2000',
  'history.visibilityProcessorMaxPollRPS': '2000',
  'system.enableActivityEagerExecution': 'true',
};

export interface DevServer {
  address: string;
  /** The server's process id (its CPU time is a benchmark figure). */
  pid: number;
  uiUrl: string;
  stop(): Promise<void>;
}

/** Returns the path of the pinned Temporal CLI, building it on first use. */
export async function ensureTemporalCli(onProgress?: (line: string) => void): Promise<string> {
  const script = path.join(repoRoot, 'scripts', 'ensure-temporal.sh');
  const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n'))
      if (line.trim()) (onProgress ?? console.error)(line);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const bin = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !bin)
    throw new Error(`scripts/ensure-temporal.sh failed with exit code ${code}`);
  return bin;
}

/** Starts the dev server and resolves once its frontend accepts connections. */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const bin = await ensureTemporalCli(opts.onProgress);
  await assertPortFree(opts.port, 'TEMPORAL_PORT');
  await assertPortFree(opts.uiPort, 'TEMPORAL_UI_PORT');
  // The HTTP API port defaults to port + 1000, which may be taken or out of range: name one.
  const httpPort = await freePort();
  const args = [
    'server',
    'start-dev',
    '--http-port',
    String(httpPort),
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--namespace',
    opts.namespace ?? 'default',
    '--log-level',
    'warn',
    ...Object.entries(searchAttributeTypes).flatMap(([name, type]) => [
      '--search-attribute',
      `${name}=${type}`,
    ]),
  ];
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    // Write-ahead log: still durable, and sequential steps ~40 % faster than the default
    // rollback journal (32 → 19 ms per sequential activity, same measurement as above).
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=wal');
  }
  for (const [key, value] of Object.entries(DEV_SERVER_DYNAMIC_CONFIG))
    args.push('--dynamic-config-value', `${key}=${value}`);
  args.push(...(opts.extraArgs ?? []));
  const log = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore';
  // Own process group: a Ctrl-C to the terminal reaches Waymark first, which drains the worker
  // and only then stops the server. If Waymark itself dies, the server goes with it.
  const child = spawn(bin, args, { stdio: ['ignore', log, log], detached: true });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  void exited.then(() => process.off('exit', killOnExit));
  const address = `127.0.0.1:${opts.port}`;
  await waitReady(address, child, exited);
  return {
    address,
    pid: child.pid!,
    uiUrl: `http://127.0.0.1:${opts.uiPort}`,
    stop: () => stopChild(child, exited),
  };
}

async function waitReady(
  address: string,
  child: ChildProcess,
  exited: Promise<number | null>,
): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone !== undefined)
      throw new Error(`Temporal dev server exited with code ${gone} while starting`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.getSystemInfo({});
        return;
      } finally {
        await conn.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`Temporal dev server at ${address} did not become ready within 60 s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Fails with a message naming the variable when a port is taken. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', () => reject(new Error(`${variable}: port ${port} is already in use`)));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** Asks the OS for a free loopback port (below 60000, leaving room for derived ports). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (port < 60000) return port;
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Lists the CLI's version line (for diagnostics). */
export async function temporalVersion(bin: string): Promise<string> {
  const { stdout } = await run(bin, ['--version']);
  return stdout.trim();
}
