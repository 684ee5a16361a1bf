/**
 * The fault suite's judgement can fail: a trail with an element twice, a callback the API
 * applied twice, a webhook with two delivery ids, a missing webhook, an instance still running
 * or unknown are each counted and named (no stack needed: the checks read records).
 */
import { judge } from './support/checks';
import type { CallbackRecord } from './support/fake-services';
import { FAULT_TRAIL } from './support/model';

const id = 'fault-mixed:abc';
const fei = `${id}/Task_Callback/1`;
const healthy = {
  status: 'COMPLETED',
  trail: FAULT_TRAIL.map((elementId) => ({ elementId })),
  variables: { reservationId: `R-${fei}`, doubled: 6, shipped: true },
};
const record = (applied: number): CallbackRecord => ({
  requests: 1,
  idempotencyKeys: new Set([`${fei}/1`]),
  applied,
  repeats: 0,
});
const driven = [{ index: 3, orderId: 'o-3', instanceId: id }];
const delivery = { deliveryId: 'd1', event: 'run.completed', runId: id };

test('a healthy instance passes', () => {
  const f = judge(driven, new Map([[id, healthy]]), new Map([[fei, record(1)]]), [delivery]);
  expect(f).toEqual({ completed: 1, lost: [], stuck: [], duplicates: [], wrong: [] });
});

test('a timer fired twice and a callback applied twice are duplicates', () => {
  const twice = {
    ...healthy,
    trail: [...healthy.trail.slice(0, 3), { elementId: 'Timer_Wait' }, ...healthy.trail.slice(3)],
  };
  const f = judge(driven, new Map([[id, twice]]), new Map([[fei, record(2)]]), [delivery]);
  expect(f.duplicates).toEqual([
    `${id}: Timer_Wait 2 times in the trail`,
    `${id}: the API applied its callback 2 times`,
  ]);
});

test('a webhook with two delivery ids is a duplicate, a missing one is wrong', () => {
  const two = [delivery, { ...delivery, deliveryId: 'd2' }];
  const callbacks = new Map([[fei, record(1)]]);
  expect(judge(driven, new Map([[id, healthy]]), callbacks, two).duplicates).toEqual([
    `${id} run.completed: 2 delivery ids (d1,d2)`,
  ]);
  expect(judge(driven, new Map([[id, healthy]]), callbacks, []).wrong).toEqual([
    `${id}: no run.completed webhook received`,
  ]);
});

test('a running instance is stuck, an unknown or failed one lost', () => {
  const running = { status: 'RUNNING', activeElements: [{ elementId: 'Catch_Shipped' }] };
  expect(judge(driven, new Map([[id, running]]), new Map(), []).stuck).toEqual([
    `${id}: still running at ["Catch_Shipped"]`,
  ]);
  expect(judge(driven, new Map(), new Map(), []).lost).toEqual([`${id}: unknown to the API (404)`]);
  const never = [{ index: 0, orderId: 'o-0', error: 'start answered 400' }];
  expect(judge(never, new Map(), new Map(), []).lost).toEqual([
    'o-0: never started (start answered 400)',
  ]);
});
