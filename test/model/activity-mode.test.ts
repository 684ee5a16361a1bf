/** Which built-in tasks run as local activities (src/model/activity-mode.ts). */
import { ACTIVITY_MODE_HEADER, activityModeOf } from '../../src/model/activity-mode';

const task = (taskType: string, headers: Record<string, string> = {}, taskQueue?: string) => ({
  taskType,
  headers,
  ...(taskQueue !== undefined ? { taskQueue } : {}),
});

test('bounded built-in types are local by default, the configured default otherwise', () => {
  for (const type of ['noop', 'echo', 'bpmn-error', 'fail', 'http', 'waymark.evaluateDecision'])
    expect(activityModeOf(task(type))).toBe('local');
  expect(activityModeOf(task('noop'), 'remote')).toBe('remote');
});

test('the header chooses per task', () => {
  expect(activityModeOf(task('echo', { [ACTIVITY_MODE_HEADER]: 'remote' }))).toBe('remote');
  expect(activityModeOf(task('echo', { [ACTIVITY_MODE_HEADER]: 'local' }), 'remote')).toBe('local');
});

test('custom types, callbacks, integrations and other queues stay regular activities', () => {
  const local = { [ACTIVITY_MODE_HEADER]: 'local' };
  expect(activityModeOf(task('charge-card', local))).toBe('remote');
  expect(activityModeOf(task('callback', local))).toBe('remote');
  expect(activityModeOf(task('integration', local))).toBe('remote');
  expect(activityModeOf(task('noop', local, 'elsewhere'))).toBe('remote');
});
