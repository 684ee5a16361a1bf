/**
 * Drives one instance of the fault model through the API as its users would: starts it (with
 * an `Idempotency-Key`, so a start retried after a lost answer is the same instance), completes
 * its user task when the task shows up, publishes its message when it waits at the catch
 * event, and polls until it completes or the deadline passes. The callback is the callback
 * service's business (fake-services.ts).
 */
import type { RetryingClient } from './client';
import { FAULT_MESSAGE } from './model';

export interface DrivenInstance {
  index: number;
  orderId: string;
  instanceId?: string;
  /** The last `GET /instances/{id}` answer (status 200). */
  last?: any;
  /** Why the driver stopped early (a start refused, an instance that failed). */
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const settled = (i: any): boolean =>
  i.status !== 'RUNNING' && i.status !== undefined && i.queryError === undefined;

/** Starts the instance and moves it on until it is no longer running (or `deadline`). */
export async function driveInstance(
  client: RetryingClient,
  instance: DrivenInstance,
  serviceUrl: string,
  deadline: number,
): Promise<void> {
  const started = await client.call(
    'POST',
    '/definitions/fault-mixed/instances',
    { variables: { orderId: instance.orderId, amount: instance.index, serviceUrl } },
    { headers: { 'Idempotency-Key': instance.orderId }, deadline },
  );
  if (started.status !== 201 && started.status !== 200) {
    instance.error = `start answered ${started.status} ${JSON.stringify(started.body)}`;
    return;
  }
  const id: string = started.body.instanceId;
  instance.instanceId = id;
  let published = false;
  while (Date.now() < deadline) {
    const got = await client.call('GET', `/instances/${encodeURIComponent(id)}`, undefined, {
      deadline,
    });
    if (got.status === 200) {
      instance.last = got.body;
      if (settled(got.body)) return;
      await completeUserTask(client, got.body, deadline);
      if (!published && waitsAt(got.body, 'Catch_Shipped'))
        published = await publish(client, instance, deadline);
    }
    await sleep(1000);
  }
}

function waitsAt(view: any, elementId: string): boolean {
  return (view.activeElements ?? []).some((a: any) => a.elementId === elementId);
}

/** Completes the open user task, if any; an answer other than 200 means it is gone already. */
async function completeUserTask(client: RetryingClient, view: any, deadline: number) {
  const task = (view.userTasks ?? []).find(
    (t: any) => t.elementId === 'UserTask_Approve' && t.state !== 'COMPLETED',
  );
  if (!task) return;
  await client.call(
    'POST',
    `/user-tasks/${encodeURIComponent(task.flowElementInstanceId)}/complete`,
    { variables: { approved: true } },
    { deadline },
  );
}

/**
 * Publishes the instance's message with a time to live (the subscription may lag the catch
 * event) and a message id of its own: a retry while it is buffered is a 409, not a second one.
 * A publication still refused after two minutes of retries is a finding (the instance may
 * have got the message all the same; the API must answer for it).
 */
async function publish(client: RetryingClient, instance: DrivenInstance, deadline: number) {
  const res = await client
    .call(
      'POST',
      '/messages/publication',
      {
        name: FAULT_MESSAGE,
        correlationKey: instance.orderId,
        messageId: `shipped-${instance.orderId}`,
        timeToLive: 'PT10M',
        variables: { shipped: true },
      },
      { deadline: Math.min(deadline, Date.now() + 120_000) },
    )
    .catch((err: Error) => {
      instance.error = `publication never answered: ${err.message.slice(0, 300)}`;
      return undefined;
    });
  if (res && res.status !== 200 && res.status !== 409)
    instance.error = `publication answered ${res.status} ${JSON.stringify(res.body)}`;
  return true;
}
