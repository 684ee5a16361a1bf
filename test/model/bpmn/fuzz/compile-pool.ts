/**
 * One worker thread running `compileBpmn` (compile-worker.ts, loaded through tsx) with a time
 * bound per call: a call past it terminates the worker — a hang, synchronous or not, becomes
 * a `timedOut` answer instead of a stuck test run — and the next call starts a fresh one.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CompileResult } from '../../../../src/model/bpmn';

export type Outcome =
  | { kind: 'result'; result: CompileResult; ms: number }
  | { kind: 'thrown'; error: string }
  | { kind: 'timedOut'; ms: number };

const WORKER = path.join(__dirname, 'compile-worker.ts');

export class CompilePool {
  private worker: Worker | undefined;
  private seq = 0;

  private get(): Worker {
    if (!this.worker) {
      const code = `require('tsx/cjs'); require(${JSON.stringify(WORKER)});`;
      this.worker = new Worker(code, { eval: true });
    }
    return this.worker;
  }

  compile(xml: string, timeoutMs: number): Promise<Outcome> {
    const worker = this.get();
    const id = ++this.seq;
    const t0 = Date.now();
    return new Promise((resolve) => {
      const done = (o: Outcome): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(o);
      };
      const onMessage = (m: { id: number; result?: CompileResult; thrown?: string }): void => {
        if (m.id !== id) return;
        if (m.thrown !== undefined) done({ kind: 'thrown', error: m.thrown });
        else done({ kind: 'result', result: m.result as CompileResult, ms: Date.now() - t0 });
      };
      const onError = (err: Error): void => {
        this.worker = undefined;
        done({ kind: 'thrown', error: err.stack ?? err.message });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done({ kind: 'timedOut', ms: Date.now() - t0 });
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, xml });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
