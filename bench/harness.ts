/**
 * The benchmark's fixtures: one workflow bundle for both arms, and per scenario a fresh
 * Temporal dev server (SQLite file in a temp folder), a worker child process, the HTTP API
 * in-process (temp registry), and the ways an instance is started — hand-written workflow
 * through the client (arm A), Waymark through the client the way the API does (arm B), and
 * Waymark through HTTP (arm B-http).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import pino from 'pino';
import { request } from 'undici';
import { startApi, type RunningApi } from '../src/api/main';
import { loadConfig } from '../src/config';
import type { ActivityMode } from '../src/model/activity-mode';
import { compileBpmn } from '../src/model/bpmn';
import type { ProcessIR } from '../src/model/bpmn/ir';
import { freePort, startDevServer, type DevServer } from '../src/temporal/dev-server';
import { PRELOADED_WORKFLOW_MODULES } from '../src/worker/create-worker';
import { startSearchAttributes } from '../src/temporal/search-attributes';
import { DRIVER_REVISION, type ProcessWorkflowInput } from '../workflows/messages';
import type { FromWorker, ToWorker, WorkerStats } from './worker-child';

export const WORK_DIR = path.join(__dirname, '.work');
export const TASK_QUEUE = 'bench';

/** Bundles Waymark's default workflow and the hand-written ones once; returns the file. */
export async function buildBundle(): Promise<string> {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const noop = (): void => undefined;
  const { code, sourceMap } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    logger: { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error },
  });
  const file = path.join(WORK_DIR, 'bundle.js');
  fs.writeFileSync(file, code);
  fs.writeFileSync(`${file}.map`, sourceMap);
  return file;
}

/** The worker child process. */
export class WorkerProcess {
  private next = 0;
  private readonly pending = new Map<number, (stats?: WorkerStats) => void>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromWorker) => {
      if (m.type === 'reply') {
        this.pending.get(m.id)?.(m.stats);
        this.pending.delete(m.id);
      }
    });
  }

  static async start(opts: {
    address: string;
    bundleFile: string;
    maxCached: number;
    cpuProfDir?: string;
    /** The registry the API writes: continued runs load their IR from it (irRef). */
    registryFile: string;
    /** The API's URL and data folder: callback tasks sign URLs with its secret. */
    apiUrl: string;
    dataDir: string;
  }): Promise<WorkerProcess> {
    const execArgv = ['--import', 'tsx', '--expose-gc'];
    if (opts.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
    const child = fork(path.join(__dirname, 'worker-child.ts'), [], {
      execArgv,
      env: {
        ...process.env,
        BENCH_TEMPORAL_ADDRESS: opts.address,
        BENCH_TASK_QUEUE: TASK_QUEUE,
        BENCH_BUNDLE: opts.bundleFile,
        BENCH_MAX_CACHED: String(opts.maxCached),
        BENCH_REGISTRY_FILE: opts.registryFile,
        BENCH_API_URL: opts.apiUrl,
        BENCH_DATA_DIR: opts.dataDir,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: FromWorker) => {
        if (m.type === 'ready') resolve();
        if (m.type === 'error') reject(new Error(`worker failed: ${m.message}`));
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    return new WorkerProcess(child);
  }

  private ask(type: ToWorker['type']): Promise<WorkerStats | undefined> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ type, id } satisfies ToWorker);
    });
  }

  async stats(): Promise<WorkerStats> {
    return (await this.ask('stats')) as WorkerStats;
  }
  async resetPeak(): Promise<void> {
    await this.ask('resetPeak');
  }
  async gc(): Promise<void> {
    await this.ask('gc');
  }
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    await Promise.race([this.ask('stop'), new Promise((r) => setTimeout(r, 15_000))]);
    this.child.disconnect();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** A deployed BPMN definition, as both B arms start it. */
export interface Deployed {
  key: string;
  definition: ProcessWorkflowInput['definition'];
  ir: ProcessIR;
  compileMs: number;
}

/** One scenario's environment: server, client, API and worker. */
export class BenchEnv {
  private constructor(
    readonly dir: string,
    readonly server: DevServer,
    readonly connection: Connection,
    readonly client: Client,
    readonly api: RunningApi,
    public worker: WorkerProcess,
    private readonly bundleFile: string,
    private readonly maxCached: number,
    private readonly cpuProfDir?: string,
  ) {}

  static async start(opts: {
    bundleFile: string;
    maxCached: number;
    cpuProfDir?: string;
  }): Promise<BenchEnv> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-'));
    const server = await startDevServer({
      port: await freePort(),
      uiPort: await freePort(),
      dbFile: path.join(dir, 'temporal.sqlite'),
      logFile: path.join(dir, 'temporal.log'),
    });
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, namespace: 'default' });
    const config = loadConfig({
      PORT: '0',
      TEMPORAL_ADDRESS: server.address,
      WAYMARK_DATA_DIR: dir,
      WAYMARK_TASK_QUEUE: TASK_QUEUE,
      // Arm B-http is compared with arm B, which runs built-in tasks as regular activities.
      WAYMARK_BUILTIN_ACTIVITY_MODE: 'remote',
      LOG_LEVEL: 'silent',
    });
    const api = await startApi(config, {
      client,
      logger: pino({ level: 'silent' }),
      defaultMetrics: false,
    });
    const registryFile = path.join(dir, 'registry.sqlite');
    const worker = await WorkerProcess.start({
      address: server.address,
      registryFile,
      apiUrl: api.url,
      dataDir: dir,
      ...opts,
    });
    return new BenchEnv(
      dir,
      server,
      connection,
      client,
      api,
      worker,
      opts.bundleFile,
      opts.maxCached,
      opts.cpuProfDir,
    );
  }

  /** Replaces the worker with a fresh one (memory figures that must start from zero). */
  async restartWorker(): Promise<void> {
    await this.worker.stop();
    this.worker = await WorkerProcess.start({
      address: this.server.address,
      registryFile: path.join(this.dir, 'registry.sqlite'),
      apiUrl: this.api.url,
      dataDir: this.dir,
      bundleFile: this.bundleFile,
      maxCached: this.maxCached,
      cpuProfDir: this.cpuProfDir,
    });
  }

  /** Compiles locally (timed) and deploys the same XML through the API. */
  async deploy(xml: string): Promise<Deployed> {
    const t0 = performance.now();
    const compiled = await compileBpmn(xml);
    const compileMs = performance.now() - t0;
    if (!compiled.ok)
      throw new Error(`model does not compile: ${JSON.stringify(compiled.problems)}`);
    const res = await fetch(`${this.api.url}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    const body = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`deploy failed: ${res.status} ${JSON.stringify(body)}`);
    return {
      key: body.key,
      definition: {
        id: body.id,
        key: body.key,
        version: body.version,
        ...(body.name ? { name: body.name } : {}),
      },
      ir: compiled.ir,
      compileMs,
    };
  }

  /** Arm A: a hand-written workflow through the client. */
  async startHand(type: string, args: unknown[]): Promise<Started> {
    const workflowId = `${type}:${randomUUID()}`;
    const h = await this.client.workflow.start(type, { taskQueue: TASK_QUEUE, workflowId, args });
    return { workflowId, runId: h.firstExecutionRunId };
  }

  /**
   * Arm B: Waymark through the client, with the input and attributes the API gives it; built-in
   * tasks as regular activities (`remote`, as the API here is configured) or local ones (B-local).
   */
  async startBpmn(
    d: Deployed,
    variables: Record<string, unknown>,
    mode: ActivityMode = 'remote',
  ): Promise<Started> {
    const workflowId = `${d.key}:${randomUUID()}`;
    const input: ProcessWorkflowInput = {
      kind: 'bpmn',
      definition: d.definition,
      ir: d.ir,
      variables,
      revision: DRIVER_REVISION,
      ...(mode === 'remote' ? { builtinActivityMode: 'remote' as const } : {}),
    };
    const h = await this.client.workflow.start(d.key, {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: startSearchAttributes('bpmn', d.definition),
      staticSummary: `${d.definition.name ?? d.key} v${d.definition.version}`,
      memo: { definitionKey: d.key, definitionVersion: d.definition.version },
    });
    return { workflowId, runId: h.firstExecutionRunId };
  }

  /**
   * Arm B-http: Waymark through `POST /definitions/{key}/instances`. Sent with undici's
   * `request` rather than `fetch`: this process is the load generator too, and `fetch` spends
   * 1.5–2 ms of its own per call here (building the request, reading the body stream), which
   * would be charged to the API (bench/api-start.ts shows both).
   */
  async startHttp(d: Deployed, variables: Record<string, unknown>): Promise<Started> {
    const res = await request(`${this.api.url}/definitions/${d.key}/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables }),
    });
    const body = (await res.body.json()) as any;
    if (res.statusCode !== 201)
      throw new Error(`start failed: ${res.statusCode} ${JSON.stringify(body)}`);
    return { workflowId: body.workflowId, runId: body.runId };
  }

  async stop(): Promise<void> {
    await this.worker.stop();
    await this.api.close();
    await this.connection.close();
    await this.server.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Started {
  workflowId: string;
  runId: string;
}
