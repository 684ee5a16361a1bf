/**
 * The Flowable engine's JVM (bench/peer/flowable, `PeerMain`) as a benchmark arm: `start(key)`
 * writes `start <key> <id>` to its stdin and resolves on `started <id>` (the start call returned),
 * `result()` on `done <id>` (the instance's completion committed; in the sync mode it comes
 * first). Its CPU time and peak RSS are read from /proc, like the dev server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Started } from '../harness';
import type { CostMeter } from '../measure';
import { processCpuSeconds } from '../proc-cpu';

export const FLOWABLE_DIR = path.join(__dirname, 'flowable');

interface Pending {
  started: Deferred;
  done: Deferred;
  /** Lines still expected (`started` and `done`, in either order). */
  left: number;
}

class Deferred {
  readonly promise: Promise<void>;
  resolve!: () => void;
  reject!: (err: Error) => void;
  constructor() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.promise.catch(() => undefined);
  }
}

export interface FlowableOptions {
  jdbcUrl: string;
  user?: string;
  password?: string;
  bpmnFiles: string[];
  /** Maximum heap; the engine's working set is far below it. */
  heap?: string;
}

export class FlowableProcess implements CostMeter {
  private seq = 0;
  private readonly pending = new Map<string, Pending>();
  private log = '';

  private constructor(private readonly child: ChildProcess) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(o: FlowableOptions): Promise<FlowableProcess> {
    const cp = ['target/classes', 'target/lib/*'].map((p) => path.join(FLOWABLE_DIR, p));
    const args = [`-Xms512m`, `-Xmx${o.heap ?? '2g'}`, '-cp', cp.join(':')];
    args.push('waymark.bench.peer.PeerMain', `--jdbc=${o.jdbcUrl}`);
    args.push(`--bpmn=${o.bpmnFiles.join(',')}`);
    args.push(`--user=${o.user ?? 'sa'}`, `--password=${o.password ?? ''}`);
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const peer = new FlowableProcess(child);
    child.stderr!.on('data', (d: Buffer) => (peer.log = (peer.log + d.toString()).slice(-20_000)));
    await peer.listen();
    return peer;
  }

  /** Reads the JVM's lines; resolves on `ready`, rejects if it exits first. */
  private listen(): Promise<void> {
    return new Promise((ready, failed) => {
      const lines = readline.createInterface({ input: this.child.stdout! });
      lines.on('line', (line) => (line === 'ready' ? ready() : this.onLine(line)));
      this.child.once('exit', (code) => {
        const err = new Error(`the Flowable JVM exited with ${code}:\n${this.log}`);
        failed(err);
        for (const p of this.pending.values()) {
          p.started.reject(err);
          p.done.reject(err);
        }
      });
    });
  }

  private onLine(line: string): void {
    const [kind, id, ...rest] = line.split(' ');
    const p = this.pending.get(id);
    if (!p) return;
    if (kind === 'started') p.started.resolve();
    if (kind === 'done') p.done.resolve();
    if (kind === 'error') {
      const err = new Error(`start ${id}: ${rest.join(' ')}`);
      p.started.reject(err);
      p.done.reject(err);
      p.left = 0;
    }
    if (--p.left <= 0) this.pending.delete(id);
  }

  /** Starts one instance of `key` (business key: a fresh id); resolves when the call returned. */
  async start(key: string): Promise<Started> {
    const id = String(++this.seq);
    const p = { started: new Deferred(), done: new Deferred(), left: 2 };
    this.pending.set(id, p);
    this.child.stdin!.write(`start ${key} ${id}\n`);
    await p.started.promise;
    return { workflowId: id, runId: '' };
  }

  /** Resolves when the instance of `s` has completed. */
  async result(s: Started): Promise<void> {
    await this.pending.get(s.workflowId)?.done.promise;
  }

  async stats(): Promise<{ cpuUserUs: number; cpuSystemUs: number; peakRssBytes: number }> {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return {
      cpuUserUs: processCpuSeconds(this.pid) * 1e6,
      cpuSystemUs: 0,
      peakRssBytes: kb * 1024,
    };
  }

  async resetPeak(): Promise<void> {
    fs.writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
  }

  /** Ends stdin (the JVM closes the engine and exits); kills it after 30 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}
