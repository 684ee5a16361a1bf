/**
 * The compile thread's entry (compile-thread.ts): compiles the BPMN XML of each message it gets
 * with the limits it was started with, and posts the result back under the message's id.
 * Runs in a worker thread, so a large model never blocks the API's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileBpmn, type CompileLimits } from '../model/bpmn';

const limits = (workerData ?? {}) as Partial<CompileLimits>;

parentPort?.on('message', (message: { id: number; xml: string }) => {
  compileBpmn(message.xml, limits).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: err instanceof Error ? err.message : String(err),
      }),
  );
});
