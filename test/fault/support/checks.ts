/**
 * What the fault suite counts once the load is over, from the API's own answers and the fake
 * services' records: instances lost (started, then unknown or failed), stuck (still running at
 * the deadline), duplicated effects (an element twice in the trail — a callback applied twice,
 * a timer fired twice —, a callback the API applied more than once), callbacks missing their
 * variables, and instances whose `run.completed` webhook never arrived or came with more than
 * one delivery id. Every finding names the instance.
 */
import type { CallbackRecord, Delivery } from './fake-services';
import type { DrivenInstance } from './driver';
import { FAULT_TRAIL } from './model';

export interface Findings {
  completed: number;
  lost: string[];
  stuck: string[];
  duplicates: string[];
  /** Other wrong outcomes: missing variables, webhooks missing or with several delivery ids. */
  wrong: string[];
}

/** Counts and names what went wrong; `final` holds each instance's last view (or undefined: 404). */
export function judge(
  driven: DrivenInstance[],
  final: Map<string, any>,
  callbacks: Map<string, CallbackRecord>,
  deliveries: Delivery[],
): Findings {
  const findings: Findings = { completed: 0, lost: [], stuck: [], duplicates: [], wrong: [] };
  const deliveryIds = new Map<string, Set<string>>();
  for (const d of deliveries) {
    const key = `${d.runId} ${d.event}`;
    deliveryIds.set(key, (deliveryIds.get(key) ?? new Set()).add(d.deliveryId));
  }
  for (const [key, ids] of deliveryIds)
    if (ids.size > 1) findings.duplicates.push(`${key}: ${ids.size} delivery ids (${[...ids]})`);
  for (const instance of driven) {
    const id = instance.instanceId;
    if (!id) {
      findings.lost.push(`${instance.orderId}: never started (${instance.error ?? 'no answer'})`);
      continue;
    }
    const view = final.get(id);
    if (!view) findings.lost.push(`${id}: unknown to the API (404)`);
    else if (view.status === 'RUNNING')
      findings.stuck.push(`${id}: still running at ${JSON.stringify(activeIds(view))}`);
    else if (view.status !== 'COMPLETED')
      findings.lost.push(`${id}: ${view.status} ${JSON.stringify(view.incidents ?? [])}`);
    else judgeCompleted(findings, instance, view, callbacks, deliveryIds);
  }
  return findings;
}

function activeIds(view: any): string[] {
  return (view.activeElements ?? []).map((a: any) => a.elementId);
}

function judgeCompleted(
  findings: Findings,
  instance: DrivenInstance,
  view: any,
  callbacks: Map<string, CallbackRecord>,
  deliveryIds: Map<string, Set<string>>,
): void {
  const id = instance.instanceId as string;
  findings.completed += 1;
  if (instance.error) findings.wrong.push(`${id}: ${instance.error}`);
  const trail: string[] = (view.trail ?? []).map((t: { elementId: string }) => t.elementId);
  for (const element of FAULT_TRAIL) {
    const times = trail.filter((e) => e === element).length;
    if (times > 1) findings.duplicates.push(`${id}: ${element} ${times} times in the trail`);
    if (times === 0) findings.wrong.push(`${id}: ${element} missing from the trail`);
  }
  const mine = [...callbacks.entries()].filter(([fei]) => fei.startsWith(`${id}/`));
  const applied = mine.reduce((n, [, r]) => n + r.applied, 0);
  if (applied > 1) findings.duplicates.push(`${id}: the API applied its callback ${applied} times`);
  if (mine.length !== 1) findings.wrong.push(`${id}: callback requests for ${mine.length} tasks`);
  else if (view.variables?.reservationId !== `R-${mine[0][0]}`)
    findings.wrong.push(`${id}: reservationId is ${JSON.stringify(view.variables?.reservationId)}`);
  if (view.variables?.doubled !== instance.index * 2)
    findings.wrong.push(`${id}: doubled is ${JSON.stringify(view.variables?.doubled)}`);
  if (view.variables?.shipped !== true)
    findings.wrong.push(`${id}: the message's variable is missing`);
  if (!deliveryIds.has(`${id} run.completed`))
    findings.wrong.push(`${id}: no run.completed webhook received`);
}
