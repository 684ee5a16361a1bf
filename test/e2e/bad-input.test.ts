/**
 * The bad-input table through the real API: each bad request answers problem+json with the
 * documented status (and the element id or position where there is one) and leaves nothing
 * half-created.
 */
import { call, deployFixture, startInstance, waitAt, waitFor } from '../support/api';

const bpmn = (body: string, executable = true): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bad-input-probe" isExecutable="${executable}">
${body}
  </bpmn:process>
</bpmn:definitions>`;

const PROBLEM = 'application/problem+json';

describe('bad input', () => {
  afterEach(async () => {
    // nothing half-created: no definition of the rejected models ever appears
    expect((await call('GET', '/definitions/bad-input-probe')).status).toBe(404);
    expect((await call('GET', '/definitions/x')).status).toBe(404);
  });

  test('malformed XML → 422 with line and column', async () => {
    const res = await call(
      'POST',
      '/definitions',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="x">\n</bpmn:definitions>',
      { 'content-type': 'application/xml' },
    );
    expect(res.status).toBe(422);
    expect(res.contentType).toContain(PROBLEM);
    expect(res.body.errors[0]).toEqual(
      expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) }),
    );
  });

  test('a task type with the reserved waymark. prefix → 422 naming the element', async () => {
    // given a model whose service task names an internal activity of the worker
    const res = await call(
      'POST',
      '/definitions?deploy=true',
      bpmn(`
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Internal">
      <bpmn:extensionElements><zeebe:taskDefinition type="waymark.resolveDefinition" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Internal"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Internal" targetRef="End"/>`),
      { 'content-type': 'application/xml' },
    );
    // then deploy refuses it, naming the element and the reserved prefix; nothing is stored
    expect(res.status).toBe(422);
    expect(res.contentType).toContain(PROBLEM);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        elementId: 'Task_Internal',
        message: expect.stringContaining('"waymark."'),
      }),
    ]);
  });

  test('unsupported element → 422 naming element id and type', async () => {
    const res = await call(
      'POST',
      '/definitions',
      bpmn(`
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="Complex_1"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Complex_1"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Complex_1" targetRef="End"/>`),
      { 'content-type': 'application/xml' },
    );
    expect(res.status).toBe(422);
    expect(res.contentType).toContain(PROBLEM);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          elementId: 'Complex_1',
          message: expect.stringMatching(/BusinessRuleTask/),
        }),
      ]),
    );
  });

  test('broken FEEL and a bad timer → 422 listing every problem', async () => {
    const res = await call(
      'POST',
      '/definitions',
      bpmn(`
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:scriptTask id="Script_1"><bpmn:extensionElements><zeebe:script expression="=a +* (" resultVariable="r"/></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:scriptTask>
    <bpmn:intermediateCatchEvent id="Timer_1"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>P1X</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Script_1"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Script_1" targetRef="Timer_1"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Timer_1" targetRef="End"/>`),
      { 'content-type': 'application/xml' },
    );
    expect(res.status).toBe(422);
    const ids = res.body.errors.map((e: { elementId?: string }) => e.elementId);
    expect(ids).toEqual(expect.arrayContaining(['Script_1', 'Timer_1']));
  });

  test('non-executable process → 422', async () => {
    const res = await call('POST', '/definitions', bpmn('<bpmn:startEvent id="Start"/>', false), {
      'content-type': 'application/xml',
    });
    expect(res.status).toBe(422);
    expect(res.contentType).toContain(PROBLEM);
  });

  test('oversize body (> 5 MB) → 413', async () => {
    const huge = bpmn(
      `<bpmn:documentation>${'x'.repeat(5 * 1024 * 1024 + 10)}</bpmn:documentation>`,
    );
    const res = await call('POST', '/definitions', huge, { 'content-type': 'application/xml' });
    expect(res.status).toBe(413);
    expect(res.contentType).toContain(PROBLEM);
  });

  test('unknown definition → 404 on read and on start', async () => {
    for (const res of [
      await call('GET', '/definitions/no-such-key'),
      await call('POST', '/definitions/no-such-key/instances', {}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.contentType).toContain(PROBLEM);
    }
  });

  test('unknown instance → 404 on read, message, cancel; unknown user task → 404', async () => {
    expect((await call('GET', '/instances/no-such:instance')).status).toBe(404);
    expect((await call('POST', '/instances/no-such:instance/messages', { name: 'x' })).status).toBe(
      404,
    );
    expect((await call('POST', '/instances/no-such:instance/cancel')).status).toBe(404);
    const res = await call(
      'POST',
      `/user-tasks/${encodeURIComponent('no-such:instance/Task/1')}/complete`,
      { variables: {} },
    );
    expect(res.status).toBe(404);
    expect(res.contentType).toContain(PROBLEM);
  });
});

describe('instances', () => {
  test('bad start body → 400 naming the field', async () => {
    await deployFixture('none-start-end');
    const res = await call('POST', '/definitions/none-start-end/instances', {
      variables: 'not-an-object',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('variables');
  });

  test('the second completion → 409, the first result stands', async () => {
    await deployFixture('user-task');
    const id = await startInstance('user-task', { variables: { n: 1 } });
    const task = await waitAt(id, 'UserTask_1').catch(
      async () => (await waitFor(id, (i) => i.userTasks?.length > 0)).userTasks[0],
    );
    const fei = encodeURIComponent(task.flowElementInstanceId);
    const first = await call('POST', `/user-tasks/${fei}/complete`, {
      variables: { approved: true },
    });
    expect(first.status).toBe(200);
    const second = await call('POST', `/user-tasks/${fei}/complete`, {
      variables: { approved: false },
    });
    expect(second.status).toBe(409);
    expect(second.contentType).toContain(PROBLEM);
    const done = await waitFor(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.variables.approved).toBe(true);
  });
});
