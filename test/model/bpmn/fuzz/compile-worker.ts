/**
 * Runs `compileBpmn` in a worker thread for the fuzzer, so a case that hangs (even in a
 * synchronous loop) can be timed out and the thread terminated. Messages: `{ id, xml }` in,
 * `{ id, result }` or `{ id, thrown }` out.
 */
import { parentPort } from 'node:worker_threads';
import { compileBpmn } from '../../../../src/model/bpmn';

parentPort?.on('message', (msg: { id: number; xml: string }) => {
  compileBpmn(msg.xml).then(
    (result) => parentPort?.postMessage({ id: msg.id, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        thrown: err instanceof Error ? err.stack : String(err),
      }),
  );
});
