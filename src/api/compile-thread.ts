/**
 * Compiling off the event loop: one worker thread runs the BPMN compiler (compile-worker.ts)
 * for the API, so health checks, callbacks and every other request stay answered while a large
 * model compiles. Compiles queue in the thread, one at a time; a thread that dies (or exceeds
 * the compile timeout) fails the compiles in flight and is replaced on the next one. Under tsx
 * (development, tests) the thread registers tsx itself, since loader hooks do not reach it.
 */
import { Worker } from 'node:worker_threads';
import type { CompileLimits, CompileResult } from '../model/bpmn';

interface Pending {
  resolve(result: CompileResult): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** Starts the worker for `compile-worker` (.ts under tsx, .js once built). */
function spawn(limits: Partial<CompileLimits>): Worker {
  const file = require.resolve('./compile-worker');
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: limits });
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true, workerData: limits });
}

/** A compiler running in a worker thread. */
export class CompileThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly limits: Partial<CompileLimits>,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Compiles `xml` in the thread. */
  compile(xml: string): Promise<CompileResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<CompileResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new Error(`compiling the model took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, xml });
    });
  }

  /** Stops the thread (compiles in flight fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failAll(new Error('the compiler was closed'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn(this.limits);
    worker.unref();
    worker.on('message', (m: { id: number; result?: CompileResult; error?: string }) =>
      this.settle(m),
    );
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.failAll(new Error(`the compile thread exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(m: { id: number; result?: CompileResult; error?: string }): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.result) p.resolve(m.result);
    else p.reject(new Error(m.error ?? 'the compile thread answered nothing'));
  }

  /** Fails every compile in flight and drops the thread (the next compile starts a new one). */
  private failAll(err: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    if (worker) void worker.terminate();
  }
}
