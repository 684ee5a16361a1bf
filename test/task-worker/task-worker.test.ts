/**
 * The task-worker helper's pure parts: the package entry point it is published under, the
 * Camunda job built from a task's activity input, the queue each type is served on, and which
 * results raise a BPMN error. The worker itself runs against the real server in
 * test/e2e/job-workers.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE } from '../../activities/task-input';
import * as entry from '../../src/task-worker';
import { bpmnErrorFailure, isBpmnErrorResult } from '../../src/task-worker/bpmn-error';
import { jobOf } from '../../src/task-worker/job';

const root = path.resolve(__dirname, '..', '..');

test('package.json exports waymark/task-worker from the built src/task-worker entry', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const target: string = pkg.exports['./task-worker'].default;
  expect(target).toBe('./dist/src/task-worker/index.js');
  expect(
    fs.existsSync(path.join(root, target.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))),
  ).toBe(true);
  expect(typeof entry.createTaskWorker).toBe('function');
  expect(new entry.BpmnError('CODE')).toEqual(
    expect.objectContaining({ errorCode: 'CODE', message: 'CODE' }),
  );
});

test('the job has the Camunda shape; retriesLeft counts the attempts after this one', () => {
  const input = {
    flowElementInstanceId: 'p:1/Task/1',
    elementId: 'Task',
    elementName: 'Publish',
    taskType: 'publish-tweet',
    headers: { channel: 'x' },
    variables: { text: 'hi' },
    instanceId: 'p:1',
    definitionKey: 'p',
  };
  expect(jobOf(input, { attempt: 1, retryPolicy: { maximumAttempts: 3 } })).toEqual({
    type: 'publish-tweet',
    variables: { text: 'hi' },
    headers: { channel: 'x' },
    elementId: 'Task',
    elementName: 'Publish',
    flowElementInstanceId: 'p:1/Task/1',
    processInstanceKey: 'p:1',
    bpmnProcessId: 'p',
    attempt: 1,
    retriesLeft: 2,
  });
  expect(jobOf(input, { attempt: 3, retryPolicy: { maximumAttempts: 3 } }).retriesLeft).toBe(0);
});

test('each type is served on its own queue unless taskQueues or taskQueue say otherwise', () => {
  expect(entry.queuesOf(['a', 'b'], {})).toEqual({ a: 'a', b: 'b' });
  expect(entry.queuesOf(['a', 'b'], { taskQueue: 'q', taskQueues: { b: 'qb' } })).toEqual({
    a: 'q',
    b: 'qb',
  });
});

test('a result with a string bpmnError raises the BPMN error failure the engine routes', () => {
  expect(isBpmnErrorResult({ bpmnError: 'DUP' })).toBe(true);
  expect(isBpmnErrorResult({ bpmnError: 1 })).toBe(false);
  expect(isBpmnErrorResult(undefined)).toBe(false);
  const failure = bpmnErrorFailure('DUP', 'seen it');
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toEqual(
    expect.objectContaining({ type: BPMN_ERROR_TYPE, nonRetryable: true, message: 'seen it' }),
  );
  expect(failure.details).toEqual([{ errorCode: 'DUP', message: 'seen it' }]);
});
