/**
 * State-machine validation: the example compiles; each rule reports its problem with a path;
 * every problem comes back at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileStateMachine } from '../../../src/model/state-machine';

const example = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../examples/order-sync.json'), 'utf8'),
) as Record<string, any>;

function withChanges(change: (d: Record<string, any>) => void): Record<string, any> {
  const d = structuredClone(example);
  change(d);
  return d;
}

function problems(def: unknown): { rule: string; path: string }[] {
  const r = compileStateMachine(def);
  if (r.ok) return [];
  return r.problems.map(({ rule, path }) => ({ rule, path }));
}

test('the example compiles to IR', () => {
  const r = compileStateMachine(example);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.ir.initialState).toBe('NEW');
  expect(r.ir.stateOrder).toEqual(['NEW', 'PENDING', 'CONFIRMED', 'REJECTED', 'TIMED_OUT']);
  expect(r.ir.transitions[0]).toEqual(
    expect.objectContaining({
      code: 'IMPORT',
      enabled: true,
      conditions: ['trigger.data.amount > 0'],
    }),
  );
  expect(JSON.parse(JSON.stringify(r.ir))).toEqual(r.ir);
});

test('schema: shape errors carry their path', () => {
  expect(problems({ ...example, states: [{ code: 'has space' }], transitions: 3 })).toEqual(
    expect.arrayContaining([
      { rule: 'schema', path: 'states[0].code' },
      { rule: 'schema', path: 'transitions' },
    ]),
  );
});

test('initial-state: must exist and be the one marked initial', () => {
  expect(problems({ ...example, initialState: 'NOPE' })).toEqual(
    expect.arrayContaining([
      { rule: 'initial-state', path: 'initialState' },
      { rule: 'initial-state', path: 'states[0].isInitial' },
    ]),
  );
  expect(problems(withChanges((d) => (d.states[1].isInitial = true)))).toContainEqual({
    rule: 'initial-state',
    path: 'states[1].isInitial',
  });
  expect(problems(withChanges((d) => (d.states[0].isInitial = false)))).toEqual([
    { rule: 'initial-state', path: 'states' },
  ]);
});

test('unique-codes, transition-states, final-state', () => {
  const def = withChanges((d) => {
    d.states.push({ code: 'NEW' });
    d.transitions.push({ ...d.transitions[0] });
    d.transitions[1].toState = 'GONE';
    d.transitions.push({
      code: 'FROM_FINAL',
      fromState: 'CONFIRMED',
      toState: 'NEW',
      triggerType: 'MANUAL',
    });
  });
  expect(problems(def)).toEqual([
    { rule: 'unique-codes', path: 'states[5].code' },
    { rule: 'unique-codes', path: 'transitions[7].code' },
    { rule: 'transition-states', path: 'transitions[1].toState' },
    { rule: 'final-state', path: 'transitions[8].fromState' },
  ]);
});

test('timeout-transition: needs an existing, enabled transition from the state', () => {
  expect(problems(withChanges((d) => delete d.states[1].onTimeoutTransition))).toEqual([
    { rule: 'timeout-transition', path: 'states[1].onTimeoutTransition' },
  ]);
  expect(problems(withChanges((d) => (d.states[1].onTimeoutTransition = 'IMPORT')))).toEqual([
    { rule: 'timeout-transition', path: 'states[1].onTimeoutTransition' },
  ]);
  expect(problems(withChanges((d) => (d.transitions[6].enabled = false)))).toEqual([
    { rule: 'timeout-transition', path: 'states[1].onTimeoutTransition' },
  ]);
  expect(problems(withChanges((d) => (d.states[1].onTimeoutTransition = 'NONE')))).toEqual([
    { rule: 'timeout-transition', path: 'states[1].onTimeoutTransition' },
  ]);
});

test('trigger-settings and feel-syntax; every problem at once', () => {
  const def = withChanges((d) => {
    delete d.transitions[5].pollIntervalSeconds;
    delete d.transitions[3].eventName;
    d.transitions[0].conditions = 'amount >';
    d.initialState = 'X';
  });
  expect(problems(def)).toEqual([
    { rule: 'initial-state', path: 'initialState' },
    { rule: 'initial-state', path: 'states[0].isInitial' },
    { rule: 'trigger-settings', path: 'transitions[3].eventName' },
    { rule: 'trigger-settings', path: 'transitions[5].pollIntervalSeconds' },
    { rule: 'feel-syntax', path: 'transitions[0].conditions' },
  ]);
});
