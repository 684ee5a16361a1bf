/**
 * The soak test's processes (bench/soak.ts): Temporal on PostgreSQL (scripts/temporal-postgres.sh,
 * which also gives the registry's database), API and worker processes as they run in
 * production (`tsx src/api/main.ts`, `tsx src/worker/main.ts`), each in a process group of its
 * own so one can be killed with SIGKILL mid-run. Everything is stopped by `stopAll()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/temporal/dev-server';

const root = path.resolve(__dirname, '..');

export interface Proc {
  name: string;
  child: ChildProcess;
  url?: string;
}

export class SoakStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-soak-'));
  readonly queue = `waymark-soak-${process.pid}`;
  temporalAddress = '';
  databaseUrl = '';
  private readonly procs: Proc[] = [];
  private readonly secret = `soak-secret-${process.pid}-0123456789`;

  constructor() {
    // As root, PostgreSQL runs as nobody (temporal-postgres.sh), who must reach its folder.
    fs.chmodSync(this.dir, 0o755);
  }

  /** Starts Temporal on PostgreSQL and resolves with its address once it is ready. */
  async startTemporal(): Promise<void> {
    const child = this.spawnGroup(
      'temporal',
      'bash',
      [path.join(root, 'scripts/temporal-postgres.sh')],
      {
        ...process.env,
        WAYMARK_TEMPORAL_PG_DIR: path.join(this.dir, 'temporal'),
      },
    );
    const line = await waitForLine(child, /temporal-postgres: ready (.*)$/m, 900_000, 'temporal');
    this.temporalAddress = /TEMPORAL_ADDRESS=(\S+)/.exec(line)?.[1] ?? '';
    this.databaseUrl = /DATABASE_URL=(\S+)/.exec(line)?.[1] ?? '';
  }

  /** Starts an API process and resolves once it answers /health/live. */
  async startApi(name: string): Promise<Proc> {
    const port = await freePort();
    const child = this.spawnGroup(name, tsx(), [path.join(root, 'src/api/main.ts')], {
      ...this.env(name),
      PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 180_000;
    while (
      !(await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${name} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const proc = { name, child, url };
    this.procs.push(proc);
    return proc;
  }

  /** Starts a worker process and resolves once it polls. */
  async startWorker(name: string): Promise<Proc> {
    const child = this.spawnGroup(
      name,
      tsx(),
      [path.join(root, 'src/worker/main.ts')],
      this.env(name),
    );
    await waitForLine(child, /waymark worker polling/, 300_000, name);
    const proc = { name, child };
    this.procs.push(proc);
    return proc;
  }

  /** SIGKILL to the process group: no drain, no shutdown. */
  kill(proc: Proc): void {
    if (proc.child.exitCode === null && proc.child.signalCode === null)
      process.kill(-(proc.child.pid as number), 'SIGKILL');
  }

  /** Stops every process (SIGTERM, SIGKILL after 20 s), Temporal and PostgreSQL last. */
  async stopAll(): Promise<void> {
    for (const proc of [...this.procs].reverse()) await stopGroup(proc.child);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private env(name: string): NodeJS.ProcessEnv {
    return {
      ...process.env,
      TEMPORAL_ADDRESS: this.temporalAddress,
      DATABASE_URL: this.databaseUrl,
      WAYMARK_TASK_QUEUE: this.queue,
      WAYMARK_SECRET: this.secret,
      WAYMARK_DATA_DIR: path.join(this.dir, name),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
  }

  private spawnGroup(
    name: string,
    cmd: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ): ChildProcess {
    const child = spawn(cmd, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = fs.createWriteStream(path.join(this.dir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    process.once('exit', () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    });
    if (name === 'temporal') this.procs.unshift({ name, child });
    return child;
  }
}

const tsx = (): string => path.join(root, 'node_modules', '.bin', 'tsx');

function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  ms: number,
  name: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready: ${seen.slice(-2000)}`)),
      ms,
    );
    const onData = (d: Buffer): void => {
      seen += d.toString();
      const m = pattern.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (seen += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${seen.slice(-2000)}`));
    });
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('close', r));
  const group = -(child.pid as number);
  process.kill(group, 'SIGTERM');
  const force = setTimeout(() => process.kill(group, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}
