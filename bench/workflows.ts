/**
 * The one workflow bundle both benchmark arms run from: Waymark's dynamic default workflow
 * (arm B) beside hand-written Temporal workflows of the same shapes (arm A). The hand-written
 * names are camelCase and BPMN keys in the benchmark are kebab-case, so they never collide.
 * Like `workflows/`, this is deterministic sandbox code: no Node built-ins, no I/O.
 */
import {
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { TaskInput } from '../activities/task-input';
import { completeUserTaskUpdate } from '../workflows/messages';
import { handCallbackDone } from './callback-contract';

export { default } from '../workflows';

const { noop } = proxyActivities<{ noop: (input: TaskInput) => Promise<Record<string, unknown>> }>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 second', backoffCoefficient: 2 },
});

type NoopFn = (input: TaskInput) => Promise<Record<string, unknown>>;

/** The same no-op as a local activity, as Waymark runs it in local mode (driver revision 5). */
const local = proxyLocalActivities<{ noop: NoopFn }>({
  startToCloseTimeout: '5 minutes',
  localRetryThreshold: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second', backoffCoefficient: 2 },
});

/** The same input Waymark hands its noop activity, so both arms move the same payload. */
function taskInput(elementId: string, n: number): TaskInput {
  const { workflowId } = workflowInfo();
  return {
    flowElementInstanceId: `${workflowId}/${elementId}/${n}`,
    elementId,
    taskType: 'noop',
    headers: {},
    variables: {},
    instanceId: workflowId,
    definitionKey: workflowInfo().workflowType,
  };
}

/** N no-op activities one after the other; optionally waits for a user task at the end. */
export async function handSequential(n: number, waitAtEnd = false): Promise<void> {
  for (let i = 1; i <= n; i++) await noop(taskInput(`Task_${i}`, 1));
  if (waitAtEnd) await waitForUserTask();
}

/** N no-op local activities one after the other (arm A-local). */
export async function handSequentialLocal(n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await local.noop(taskInput(`Task_${i}`, 1));
}

/** N no-op activities at once, joined. */
export async function handParallel(n: number): Promise<void> {
  const tasks: Promise<unknown>[] = [];
  for (let i = 1; i <= n; i++) tasks.push(noop(taskInput(`Task_${i}`, 1)));
  await Promise.all(tasks);
}

/** A chain of N exclusive decisions, each followed by the no-op activity of its branch. */
export async function handGateway(n: number, variables: { x: number }): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const branch = variables.x > 0 ? 'Yes' : 'No';
    await noop(taskInput(`Task_${branch}_${i}`, 1));
  }
}

/** One durable timer of one second. */
export async function handTimer(): Promise<void> {
  await sleep('1 second');
}

async function waitForUserTask(): Promise<void> {
  let done = false;
  setHandler(completeUserTaskUpdate, (task) => {
    done = true;
    return { completed: task.flowElementInstanceId };
  });
  await condition(() => done);
}

/** One user task completed through the same update Waymark answers. */
export async function handUserTask(): Promise<void> {
  await waitForUserTask();
}

/** A loop of no-op activities that continues-as-new when Temporal suggests it. */
export async function handLoop(n: number, done = 0, generation = 0): Promise<number> {
  let count = done;
  while (count < n) {
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof handLoop>(n, count, generation + 1);
    }
    await noop(taskInput('Task_Work', count + 1));
    count++;
  }
  return generation;
}

/**
 * Fan-out of N no-op activities, at most `window` in flight (Temporal allows 2,000 pending
 * activities per workflow), continuing as new when Temporal suggests it, once the activities
 * in flight have drained: the hand-written equivalent of a parallel multi-instance.
 */
export async function handFanout(
  n: number,
  window: number,
  next = 0,
  generation = 0,
): Promise<number> {
  let started = next;
  let inFlight = 0;
  let draining = false;
  await new Promise<void>((resolve) => {
    const launch = (): void => {
      while (!draining && inFlight < window && started < n) {
        started += 1;
        inFlight += 1;
        void noop(taskInput('Task_Noop', started)).then(() => {
          inFlight -= 1;
          if (workflowInfo().continueAsNewSuggested) draining = true;
          launch();
        });
      }
      if (inFlight === 0) resolve();
    };
    launch();
  });
  if (started < n) await continueAsNew<typeof handFanout>(n, window, started, generation + 1);
  return generation;
}

const hand = proxyActivities<{ benchPostWork: (url: string, body: unknown) => Promise<void> }>({
  taskQueue: 'bench-hand',
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3, initialInterval: '1 second', backoffCoefficient: 2 },
});

/**
 * A custom activity written by hand: an activity POSTs the work to the service, which answers
 * at once and later calls the workflow's own endpoint (bench/callback.ts), delivered as an update.
 */
export async function handCallback(serviceUrl: string): Promise<void> {
  let answered = false;
  setHandler(handCallbackDone, () => {
    answered = true;
  });
  const { workflowId } = workflowInfo();
  await hand.benchPostWork(`${serviceUrl}/work`, {
    responsePath: `${serviceUrl}/hand/${encodeURIComponent(workflowId)}`,
    flowElementInstanceId: `${workflowId}/Task_Callback/1`,
    data: {},
  });
  await condition(() => answered);
}
