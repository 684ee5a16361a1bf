/**
 * `createTaskWorker`: serves Waymark service task types from your own process, in the shape of
 * a Camunda job worker. Each handler becomes a Temporal activity named after its task type, on
 * the task queue Waymark schedules that type on (by convention the queue named exactly as the
 * type; `taskQueue` / `taskQueues` options follow a `taskQueue` header or WAYMARK_TASK_QUEUES),
 * one Temporal worker per queue. A handler returns the variables to set (or nothing); a thrown
 * `BpmnError` or a returned `{ bpmnError }` reaches the task's error boundary event; any other
 * throw is retried by the task's `retries`, then becomes an incident.
 */
import { Context } from '@temporalio/activity';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { TaskInput } from '../../activities/task-input';
import { codecDataConverter } from '../temporal/codec/data-converter';
import { parseCodecKeys } from '../temporal/codec/keys';
import { BpmnError, bpmnErrorFailure, isBpmnErrorResult, type BpmnErrorResult } from './bpmn-error';
import { jobOf, type TaskJob } from './job';

/** What a handler may return: variables to set, nothing, or a BPMN error to raise. */
export type TaskResult = Record<string, unknown> | BpmnErrorResult | void | undefined | null;

/** Serves one task type. */
export type TaskHandler = (job: TaskJob) => TaskResult | Promise<TaskResult>;

export interface TaskWorkerOptions {
  /** A connection to the Temporal frontend; else one is opened to `address`. */
  connection?: NativeConnection;
  /** Temporal frontend `host:port` (default: TEMPORAL_ADDRESS, else 127.0.0.1:7233). */
  address?: string;
  /** Temporal namespace (default: TEMPORAL_NAMESPACE, else `default`). */
  namespace?: string;
  /** One queue for every type (the models name it in a `taskQueue` header). */
  taskQueue?: string;
  /** Per type: the queue it is served on (as WAYMARK_TASK_QUEUES maps it). */
  taskQueues?: Record<string, string>;
  /** Activities run at once per queue (Temporal's maxConcurrentActivityTaskExecutions). */
  maxConcurrentTasks?: number;
  /**
   * The codec keys when Waymark encrypts payloads (`id:base64key,…`, as WAYMARK_CODEC_KEYS;
   * default: that variable). The handlers then see plaintext jobs and their results are sealed.
   */
  codecKeys?: string;
  /** A data converter of your own instead (overrides `codecKeys`). */
  dataConverter?: DataConverter;
}

/** The workers serving the handlers, one per queue. */
export interface TaskWorker {
  /** The queues polled, by task type. */
  readonly queues: Record<string, string>;
  /** Polls until `shutdown()` (or a fatal worker error). */
  run(): Promise<void>;
  /** Stops polling, lets running handlers finish, closes a connection it opened. */
  shutdown(): Promise<void>;
}

/** The activity that serves `handler`: the job in, variables or a BPMN error out. */
export function taskActivity(handler: TaskHandler): (input: TaskInput) => Promise<unknown> {
  return async (input) => {
    const job = jobOf(input, Context.current().info);
    let result: TaskResult;
    try {
      result = await handler(job);
    } catch (err) {
      if (err instanceof BpmnError) throw bpmnErrorFailure(err.errorCode, err.message);
      throw err;
    }
    if (isBpmnErrorResult(result)) throw bpmnErrorFailure(result.bpmnError, result.message);
    return result ?? {};
  };
}

/** Which queue each type is served on. */
export function queuesOf(
  types: string[],
  options: Pick<TaskWorkerOptions, 'taskQueue' | 'taskQueues'>,
): Record<string, string> {
  return Object.fromEntries(
    types.map((type) => [type, options.taskQueues?.[type] ?? options.taskQueue ?? type]),
  );
}

/**
 * Creates workers serving `handlers` (task type → handler); call `run()` to start polling.
 *
 * @example
 * const worker = await createTaskWorker({
 *   'publish-tweet': async ({ variables }) => ({ tweetId: await tweet(variables.text) }),
 * });
 * await worker.run();
 */
export async function createTaskWorker(
  handlers: Record<string, TaskHandler>,
  options: TaskWorkerOptions = {},
): Promise<TaskWorker> {
  const types = Object.keys(handlers);
  if (types.length === 0) throw new Error('createTaskWorker: no task types given');
  const queues = queuesOf(types, options);
  const owned = options.connection === undefined;
  const connection =
    options.connection ??
    (await NativeConnection.connect({
      address: options.address ?? process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    }));
  const dataConverter = options.dataConverter ?? taskDataConverter(options.codecKeys);
  const byQueue = new Map<string, Record<string, ReturnType<typeof taskActivity>>>();
  for (const type of types) {
    const activities = byQueue.get(queues[type]) ?? {};
    activities[type] = taskActivity(handlers[type]);
    byQueue.set(queues[type], activities);
  }
  const workers = await Promise.all(
    [...byQueue].map(([taskQueue, activities]) =>
      Worker.create({
        connection,
        namespace: options.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default',
        taskQueue,
        activities,
        maxConcurrentActivityTaskExecutions: options.maxConcurrentTasks,
        dataConverter,
      }),
    ),
  );
  return new Workers(workers, queues, owned ? connection : undefined);
}

/** The codec's data converter for a key list (default WAYMARK_CODEC_KEYS); none when unset. */
function taskDataConverter(list = process.env.WAYMARK_CODEC_KEYS): DataConverter | undefined {
  return list?.trim() ? codecDataConverter({ codecKeys: parseCodecKeys(list) }) : undefined;
}

class Workers implements TaskWorker {
  private running: Promise<void> | undefined;

  constructor(
    private readonly workers: Worker[],
    readonly queues: Record<string, string>,
    private readonly ownConnection: NativeConnection | undefined,
  ) {}

  run(): Promise<void> {
    this.running ??= Promise.all(this.workers.map((w) => w.run())).then(() => undefined);
    return this.running;
  }

  async shutdown(): Promise<void> {
    for (const w of this.workers) if (w.getState() === 'RUNNING') w.shutdown();
    await this.running?.catch(() => undefined);
    await this.ownConnection?.close();
  }
}
