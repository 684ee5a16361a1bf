/**
 * Version pinning through the real API: an instance runs the version it started with, even when
 * a new version is deployed while it waits; starts use the latest deployed version unless one is
 * named; drafts cannot be started; Idempotency-Key returns the same instance.
 */
import { call, startInstance, waitFor } from '../support/api';

const model = (marker: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="pinned-version" name="Pinned version" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Wait" name="Wait"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:scriptTask id="Mark" name="Mark"><bpmn:extensionElements><zeebe:script expression="=&quot;${marker}&quot;" resultVariable="ranVersion"/></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:scriptTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="Mark"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Mark" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

async function completeOpenTask(instanceId: string): Promise<void> {
  const waiting = await waitFor(instanceId, (i) => i.userTasks?.length === 1);
  const fei = encodeURIComponent(waiting.userTasks[0].flowElementInstanceId);
  expect((await call('POST', `/user-tasks/${fei}/complete`, { variables: {} })).status).toBe(200);
}

test('a running instance keeps its version when a new one is deployed', async () => {
  // Given v1 deployed and an instance of it waiting
  const v1 = await call('POST', '/definitions?deploy=true', model('one'), {
    'content-type': 'application/xml',
  });
  expect(v1.status).toBe(201);
  const first = await startInstance('pinned-version', { businessKey: `pin-${Date.now()}` });

  // When v2 is created as a draft, the draft cannot be started by number
  const v2 = await call('POST', '/definitions', model('two'), {
    'content-type': 'application/xml',
  });
  expect(v2.status).toBe(201);
  expect(v2.body.version).toBe(v1.body.version + 1);
  expect(v2.body.status).toBe('draft');
  const draftStart = await call('POST', '/definitions/pinned-version/instances', {
    version: v2.body.version,
  });
  expect(draftStart.status).toBe(409);

  // And once deployed, new starts use it
  const deployed = await call(
    'POST',
    `/definitions/pinned-version/versions/${v2.body.version}/deploy`,
  );
  expect(deployed.status).toBe(200);
  const second = await startInstance('pinned-version');

  // Then each instance runs the version it started with
  await completeOpenTask(first);
  await completeOpenTask(second);
  expect((await waitFor(first)).variables.ranVersion).toBe('one');
  expect((await waitFor(second)).variables.ranVersion).toBe('two');

  // And the stored source of v1 is what was sent
  const source = await call('GET', `/definitions/pinned-version/versions/${v1.body.version}`);
  expect(source.status).toBe(200);
  expect(source.body).toBe(model('one'));
});

test('Idempotency-Key returns the same instance on retry', async () => {
  await call('POST', '/definitions?deploy=true', model('one'), {
    'content-type': 'application/xml',
  });
  const key = `idem-${Date.now()}`;
  const a = await call(
    'POST',
    '/definitions/pinned-version/instances',
    { variables: { x: 1 } },
    { 'idempotency-key': key },
  );
  const b = await call(
    'POST',
    '/definitions/pinned-version/instances',
    { variables: { x: 1 } },
    { 'idempotency-key': key },
  );
  expect(a.status).toBe(201);
  expect([200, 201]).toContain(b.status);
  expect(b.body.instanceId).toBe(a.body.instanceId);
  expect(b.body.runId).toBe(a.body.runId);
  await call('POST', `/instances/${encodeURIComponent(a.body.instanceId)}/cancel`);
});
