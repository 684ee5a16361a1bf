/** Rule `service-task-type`: see src/model/bpmn/rules/service-task-type.ts. */
import { createActivities } from '../../../../activities';
import { Outbound, OutboundPolicy } from '../../../../activities/outbound';
import {
  BUILTIN_TASK_TYPES,
  RESERVED_ACTIVITY_PREFIX,
  UNPREFIXED_INTERNAL_ACTIVITIES,
} from '../../../../src/model/task-types';
import { compileFixture, describeRule, problemsOf } from '../fixtures';

describeRule('service-task-type', ['Task_NoType', 'Task_Reserved', 'Task_Internal']);

describe('rule service-task-type and the activities the worker registers', () => {
  it('says why a reserved type is refused', async () => {
    // given the invalid fixture, when compiled
    const result = await compileFixture('invalid/service-task-type');
    // then the reserved and the internal type are named with the reason
    const messages = Object.fromEntries(
      problemsOf(result, 'service-task-type').map((p) => [p.elementId, p.message]),
    );
    expect(messages.Task_Reserved).toContain('reserved');
    expect(messages.Task_Internal).toContain('taskQueue');
  });

  it('refuses every internal activity the worker registers, and no built-in type', () => {
    // given every activity the worker registers (callback and webhooks included)
    const names = Object.keys(
      createActivities({
        outbound: new Outbound(new OutboundPolicy()),
        http: { maxResponseBytes: 1, timeoutMs: 1 },
        lookupDefinition: () => Promise.reject(new Error('unused')),
        webhooks: {
          forEvent: () => Promise.resolve([]),
          withSecret: () => Promise.resolve(undefined),
        },
        callback: {
          publicUrl: 'http://127.0.0.1:1',
          secret: 'x'.repeat(32),
          timeoutMs: 1,
          tokenTtlMs: 1,
        },
      }),
    );
    const builtin: readonly string[] = BUILTIN_TASK_TYPES;
    const unprefixed: readonly string[] = UNPREFIXED_INTERNAL_ACTIVITIES;
    // then each is either a built-in task type or an internal activity deploy refuses
    for (const name of names) {
      const internal = name.startsWith(RESERVED_ACTIVITY_PREFIX) || unprefixed.includes(name);
      expect({ name, builtin: builtin.includes(name), internal }).toEqual({
        name,
        builtin: !internal,
        internal: !builtin.includes(name),
      });
    }
    expect(names.filter((n) => n.startsWith(RESERVED_ACTIVITY_PREFIX)).length).toBeGreaterThan(2);
  });
});
