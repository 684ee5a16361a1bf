/**
 * The state-machine core without Temporal: triggers in definition order, conditions, disabled
 * transitions and workflows, timeouts (fire, cancel, overdue while disabled), polls, actions.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  manualRefusal,
  startMachine,
  stepMachine,
  type MachineState,
} from '../../../src/engine/state-machine';
import { compileStateMachine, type StateMachineIR } from '../../../src/model/state-machine';

const json = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../examples/order-sync.json'), 'utf8'),
) as Record<string, any>;
json.transitions[1].action = { workflow: 'erp-cancel' };
const compiled = compileStateMachine(json);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
const ir: StateMachineIR = compiled.ir;
const HOUR = 3_600_000;

function started(data = {}): MachineState {
  return startMachine(ir, { instanceId: 'ORDER_SYNC:r1', data, now: 0 }).state;
}

function toPending(): MachineState {
  const s = started();
  stepMachine(ir, s, { type: 'trigger', trigger: 'ON_IMPORT', data: { amount: 5 }, now: 10 });
  return s;
}

test('a trigger fires the first transition whose conditions hold; data merges', () => {
  const s = started({ orderId: 'o' });
  // given a false condition: nothing fires
  let step = stepMachine(ir, s, {
    type: 'trigger',
    trigger: 'ON_IMPORT',
    data: { amount: 0 },
    now: 1,
  });
  expect(step.outcome.kind).toBe('none');
  expect(s.current).toBe('NEW');
  // when it holds: PENDING, timeout and poll armed
  step = stepMachine(ir, s, { type: 'trigger', trigger: 'ON_IMPORT', data: { amount: 5 }, now: 2 });
  expect(step.outcome).toEqual({
    kind: 'fired',
    transition: 'IMPORT',
    fromState: 'NEW',
    toState: 'PENDING',
  });
  expect(s.data).toEqual({ orderId: 'o', amount: 5 });
  expect(step.commands.map((c) => c.type)).toEqual(['startTimer', 'startTimer']);
  expect(
    Object.values(s.timers)
      .map((t) => t.dueAt)
      .sort((a, b) => a - b),
  ).toEqual([2 + 900_000, 2 + 48 * HOUR]);
});

test('leaving a state cancels its timers; final states complete', () => {
  const s = toPending();
  const step = stepMachine(ir, s, {
    type: 'trigger',
    trigger: 'ON_EVENT',
    event: 'order.rejected',
    now: 20,
  });
  expect(step.commands.filter((c) => c.type === 'cancelTimer')).toHaveLength(2);
  expect(step.commands.at(-1)).toEqual({
    type: 'complete',
    state: 'REJECTED',
    data: { amount: 5 },
  });
  expect(s.status).toBe('COMPLETED');
});

test('timeout fires its transition; while disabled it waits for enable', () => {
  const s = toPending();
  const timeout = Object.values(s.timers).find((t) => t.kind === 'timeout')!;
  stepMachine(ir, s, { type: 'enabledChanged', enabled: false, now: 11 });
  stepMachine(ir, s, { type: 'timerFired', timerId: timeout.id, now: timeout.dueAt });
  expect(s.current).toBe('PENDING');
  const step = stepMachine(ir, s, {
    type: 'enabledChanged',
    enabled: true,
    now: timeout.dueAt + 5,
  });
  expect(step.outcome).toEqual(expect.objectContaining({ kind: 'fired', transition: 'EXPIRE' }));
  expect(s.trail.at(-1)).toEqual(
    expect.objectContaining({ trigger: 'TIMEOUT', toState: 'TIMED_OUT' }),
  );
});

test('disabled workflow evaluates no triggers', () => {
  const s = started();
  stepMachine(ir, s, { type: 'enabledChanged', enabled: false, now: 1 });
  const step = stepMachine(ir, s, {
    type: 'trigger',
    trigger: 'ON_IMPORT',
    data: { amount: 5 },
    now: 2,
  });
  expect(step.outcome).toEqual({ kind: 'none', reason: 'the workflow is disabled' });
  expect(manualRefusal(ir, s, 'CANCEL', {}, 3)?.type).toBe('DefinitionDisabled');
});

test('scheduled poll re-evaluates at its interval until its conditions hold', () => {
  const s = toPending();
  let poll = Object.values(s.timers).find((t) => t.kind === 'poll')!;
  let step = stepMachine(ir, s, { type: 'timerFired', timerId: poll.id, now: poll.dueAt });
  expect(step.outcome.kind).toBe('none');
  expect(step.commands).toEqual([expect.objectContaining({ type: 'startTimer' })]);
  s.data.autoConfirm = true;
  poll = Object.values(s.timers).find((t) => t.kind === 'poll')!;
  step = stepMachine(ir, s, { type: 'timerFired', timerId: poll.id, now: poll.dueAt });
  expect(step.outcome).toEqual(expect.objectContaining({ kind: 'fired', transition: 'POLL_ERP' }));
});

test('manual refusals name the reason', () => {
  const s = toPending();
  expect(manualRefusal(ir, s, 'CANCEL', {}, 20)?.type).toBe('TransitionNotAllowed');
  expect(manualRefusal(ir, s, 'APPROVE', {}, 20)?.type).toBe('ConditionsFalse');
  expect(manualRefusal(ir, s, 'IMPORT', {}, 20)?.type).toBe('TransitionNotManual');
  expect(manualRefusal(ir, s, 'NOPE', {}, 20)?.type).toBe('TransitionNotFound');
  expect(manualRefusal(ir, s, 'APPROVE', { approvedBy: 'a' }, 20)).toBeUndefined();
});

test('an action runs before the state changes; failure is an incident, success moves on', () => {
  const s = started();
  let step = stepMachine(ir, s, {
    type: 'trigger',
    trigger: 'MANUAL',
    transition: 'CANCEL',
    now: 1,
  });
  expect(step.outcome.kind).toBe('actionStarted');
  const cmd = step.commands[0] as { type: string; actionId: string };
  expect(cmd.type).toBe('startAction');
  // triggers wait while the action runs
  expect(
    stepMachine(ir, s, { type: 'trigger', trigger: 'ON_IMPORT', data: { amount: 1 }, now: 2 })
      .outcome.kind,
  ).toBe('none');
  step = stepMachine(ir, s, {
    type: 'actionFailed',
    actionId: cmd.actionId,
    message: 'boom',
    now: 3,
  });
  expect(s.current).toBe('NEW');
  expect(s.incidents).toEqual([expect.objectContaining({ transition: 'CANCEL', message: 'boom' })]);
  step = stepMachine(ir, s, { type: 'trigger', trigger: 'MANUAL', transition: 'CANCEL', now: 4 });
  const again = step.commands[0] as { actionId: string };
  stepMachine(ir, s, {
    type: 'actionCompleted',
    actionId: again.actionId,
    data: { ok: 1 },
    now: 5,
  });
  expect(s.current).toBe('REJECTED');
  expect(s.incidents).toEqual([]);
  expect(s.data).toEqual({ ok: 1 });
});
