/**
 * The BPMN compiler end to end over the fixtures: every valid fixture compiles to plain-JSON
 * IR without warnings, and the IR fields the engine relies on are spot-checked per element
 * kind. Rule-by-rule behaviour is in ./rules.
 */
import { compileBpmn } from '../../../src/model/bpmn';
import type { CompileResult } from '../../../src/model/bpmn';
import type { ElementIR, ProcessIR } from '../../../src/model/bpmn/ir';
import { compileFixture, readFixture, validFixtureNames } from './fixtures';

async function irOf(name: string): Promise<ProcessIR> {
  const result = await compileFixture(name);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems, null, 2)}`);
  return result.ir;
}

/** The IR element kinds whose `type` may be `T` (JobTaskIR covers two types). */
type ElementOfType<T> = ElementIR extends infer E
  ? E extends { type: infer U }
    ? T extends U
      ? E
      : never
    : never
  : never;

function element<T extends ElementIR['type']>(
  ir: ProcessIR,
  id: string,
  type: T,
): ElementOfType<T> {
  const el = ir.elements[id];
  expect(el?.type).toBe(type);
  return el as ElementOfType<T>;
}

describe('compileBpmn over the valid fixtures', () => {
  it('has at least 28 executable fixtures', () => {
    expect(validFixtureNames().length).toBeGreaterThanOrEqual(28);
  });

  it.each(validFixtureNames())(
    '%s compiles without warnings to JSON-serializable IR keyed by its file name',
    async (name) => {
      const result: CompileResult = await compileFixture(name);
      expect(result).toMatchObject({ ok: true, warnings: [] });
      if (!result.ok) return;
      expect(result.ir.processId).toBe(name);
      expect(JSON.parse(JSON.stringify(result.ir))).toEqual(result.ir);
      expect(result.ir.elements[result.ir.startEventId]?.type).toBe('startEvent');
    },
  );
});

describe('IR fields', () => {
  it('links elements and flows both ways', async () => {
    const ir = await irOf('pass-through-tasks');
    expect(Object.values(ir.elements).map((e) => e.type)).toEqual([
      'startEvent',
      'task',
      'manualTask',
      'intermediateThrowEvent',
      'endEvent',
    ]);
    for (const flow of Object.values(ir.flows)) {
      expect(ir.elements[flow.sourceId].outgoing).toContain(flow.id);
      expect(ir.elements[flow.targetId].incoming).toContain(flow.id);
    }
  });

  it('ignores diagram interchange', async () => {
    // given a fixture with bpmndi and the same XML without it
    const xml = readFixture('none-start-end');
    const withoutDi = xml.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    expect(withoutDi).not.toContain('bpmndi:BPMNShape');
    // then both compile to the same IR
    expect(await compileBpmn(withoutDi)).toEqual(await compileBpmn(xml));
  });

  it('compiles an HTTP connector task with FEEL and static inputs, headers and parameters', async () => {
    const ir = await irOf('service-task-http');
    const task = element(ir, 'Task_GetOrder', 'serviceTask');
    expect(task).toMatchObject({
      taskType: 'io.camunda:http-json:1',
      retries: 3,
      headers: { resultVariable: 'order' },
    });
    expect(task.taskQueue).toBeUndefined();
    expect(task.inputs).toEqual([
      { source: '"GET"', target: 'method' },
      { source: 'baseUrl + "/orders/" + string(orderId)', target: 'url' },
      { source: '{"Accept": "application/json"}', target: 'headers' },
      { source: '20', target: 'connectionTimeoutInSeconds' },
      { source: '20', target: 'readTimeoutInSeconds' },
    ]);
    expect(ir.mandatory).toEqual(['baseUrl', 'orderId']);
    expect(ir.parameters).toEqual([
      { name: 'baseUrl', type: 'string', required: true },
      { name: 'orderId', type: 'number', required: true },
    ]);
  });

  it('turns static mapping values into FEEL literals', async () => {
    const task = element(await irOf('io-mapping'), 'Task_Echo', 'serviceTask');
    expect(task.inputs.map((m) => m.source)).toEqual([
      '"ACME"',
      '3',
      'true',
      'price * quantity',
      '"Berlin"',
    ]);
    expect(task.outputs.map((m) => m.target)).toEqual(['echoedCustomer', 'echoedTotal', 'summary']);
  });

  it('reads retries, task headers and a taskQueue header', async () => {
    const ir = await irOf('service-task-incident');
    expect(element(ir, 'Task_Fail', 'serviceTask')).toMatchObject({ taskType: 'fail', retries: 1 });
    const xml = readFixture('service-task-noop').replace(
      '<zeebe:taskDefinition type="noop" />',
      '<zeebe:taskDefinition type="charge" retries="5" /><zeebe:taskHeaders><zeebe:header key="taskQueue" value="payments" /></zeebe:taskHeaders>',
    );
    const result = await compileBpmn(xml);
    expect(result.ok && result.ir.elements.Task_Noop).toMatchObject({
      taskType: 'charge',
      retries: 5,
      taskQueue: 'payments',
      headers: { taskQueue: 'payments' },
    });
  });

  it('compiles scripts, user tasks, messages and timers', async () => {
    expect(element(await irOf('script-task'), 'Script_Total', 'scriptTask')).toMatchObject({
      expression: 'price * quantity',
      resultVariable: 'total',
    });
    expect(element(await irOf('user-task'), 'UserTask_Approve', 'userTask')).toMatchObject({
      assignee: 'demo',
      candidateGroups: 'managers',
      formKey: 'approve-order',
    });
    expect(
      element(await irOf('receive-task'), 'ReceiveTask_Payment', 'receiveTask').message,
    ).toEqual({ name: 'payment-received', correlationKey: 'orderId' });
    expect(
      element(await irOf('message-catch'), 'Event_Shipped', 'intermediateCatchEvent'),
    ).toMatchObject({
      eventKind: 'message',
      message: { name: 'order-shipped', correlationKey: 'orderId' },
    });
    expect(
      element(await irOf('timer-catch-duration'), 'Timer_Wait', 'intermediateCatchEvent').timer,
    ).toEqual({ kind: 'duration', expression: 'PT1S', isFeel: false });
    expect(
      element(await irOf('timer-catch-date'), 'Timer_Due', 'intermediateCatchEvent').timer,
    ).toEqual({ kind: 'date', expression: 'date and time(dueAt)', isFeel: true });
  });

  it('compiles gateways with conditions and default flows', async () => {
    const ir = await irOf('exclusive-gateway');
    expect(element(ir, 'Gateway_Amount', 'exclusiveGateway').defaultFlow).toBe(
      'Flow_Gateway_Amount_Script_Auto',
    );
    expect(ir.flows.Flow_Gateway_Amount_Script_Approval.condition).toBe('amount > 1000');
    expect(ir.flows.Flow_Gateway_Amount_Script_Auto.condition).toBeUndefined();
    expect(
      element(await irOf('event-based-gateway'), 'Gateway_Race', 'eventBasedGateway').outgoing,
    ).toHaveLength(2);
  });

  it('computes upstream sets for inclusive joins', async () => {
    const join = element(await irOf('inclusive-join-partial'), 'Gateway_Join', 'inclusiveGateway');
    expect(join.upstream).toEqual({
      Flow_UserTask_Review_Gateway_Join: ['StartEvent_1', 'Gateway_Fork', 'UserTask_Review'],
      Flow_Script_Check_Gateway_Join: ['StartEvent_1', 'Gateway_Fork', 'Script_Check'],
      Flow_Script_Extra_Gateway_Join: ['StartEvent_1', 'Gateway_Fork', 'Script_Extra'],
    });
    expect(
      element(await irOf('inclusive-join-partial'), 'Gateway_Fork', 'inclusiveGateway').upstream,
    ).toEqual({});
  });

  it('includes boundary event hosts upstream of a join', async () => {
    // given a join reached from a task and from a timer boundary event on that task
    const xml = readFixture('inclusive-join-partial').replace(
      '</bpmn:process>',
      '<bpmn:boundaryEvent id="Timer_Review" attachedToRef="UserTask_Review"><bpmn:outgoing>Flow_Timer</bpmn:outgoing><bpmn:timerEventDefinition id="TimerEventDefinition_X"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="Flow_Timer" sourceRef="Timer_Review" targetRef="Gateway_Join" /></bpmn:process>',
    );
    const result = await compileBpmn(xml);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const join = result.ir.elements.Gateway_Join;
    // then the boundary flow's upstream reaches back through the host activity
    expect(join.type === 'inclusiveGateway' && join.upstream.Flow_Timer).toEqual([
      'StartEvent_1',
      'Gateway_Fork',
      'UserTask_Review',
      'Timer_Review',
    ]);
    expect(result.ir.elements.UserTask_Review.boundaryEvents).toEqual(['Timer_Review']);
  });

  it('compiles boundary events', async () => {
    const timer = element(
      await irOf('boundary-timer-non-interrupting'),
      'Timer_Remind',
      'boundaryEvent',
    );
    expect(timer).toMatchObject({
      attachedTo: 'UserTask_Work',
      cancelActivity: false,
      eventKind: 'timer',
      timer: { kind: 'cycle', expression: 'R2/PT1S', isFeel: false },
    });
    const error = element(
      await irOf('boundary-error-service-task'),
      'Error_Caught',
      'boundaryEvent',
    );
    expect(error).toMatchObject({
      attachedTo: 'Task_Charge',
      cancelActivity: true,
      eventKind: 'error',
      errorCode: 'PAYMENT_DECLINED',
    });
    expect(
      element(await irOf('boundary-timer-subprocess'), 'SubProcess_Work', 'subProcess')
        .boundaryEvents,
    ).toEqual(['Timer_Timeout']);
  });

  it('compiles subprocess scopes, mappings and error end events', async () => {
    const scoped = await irOf('embedded-subprocess-scope');
    expect(element(scoped, 'SubProcess_Scoped', 'subProcess')).toMatchObject({
      parentId: null,
      startEventId: 'StartEvent_Sub',
      inputs: [{ source: 'base * 2', target: 'local' }],
      outputs: [{ source: 'local + 1', target: 'exported' }],
    });
    expect(scoped.elements.Task_Inside.parentId).toBe('SubProcess_Scoped');
    const errors = await irOf('error-boundary-subprocess');
    expect(element(errors, 'EndEvent_Invalid', 'endEvent')).toMatchObject({
      eventKind: 'error',
      errorCode: 'INVALID_ORDER',
      errorName: 'Invalid order',
      parentId: 'SubProcess_Validate',
    });
    expect(element(await irOf('terminate-end'), 'EndEvent_Terminate', 'endEvent').eventKind).toBe(
      'terminate',
    );
  });

  it('compiles call activities', async () => {
    expect(element(await irOf('call-activity'), 'Call_Child', 'callActivity')).toMatchObject({
      processId: 'call-activity-child',
      processIdIsFeel: false,
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
      inputs: [{ source: 'amount', target: 'childInput' }],
      outputs: [{ source: 'childResult', target: 'result' }],
    });
    expect(
      element(await irOf('call-activity-middle'), 'Call_Child', 'callActivity')
        .propagateAllChildVariables,
    ).toBe(true);
  });

  it('keeps loop flows (the back edge to the merge gateway)', async () => {
    const ir = await irOf('loop-continue-as-new');
    expect(ir.flows.Flow_Gateway_Done_Gateway_Loop).toMatchObject({
      sourceId: 'Gateway_Done',
      targetId: 'Gateway_Loop',
    });
    expect(ir.flows.Flow_Gateway_Done_EndEvent_1.condition).toBe('count >= n');
    expect(ir.parameters).toEqual([{ name: 'n', type: 'number', required: true }]);
  });
});

describe('compileBpmn problems', () => {
  it('returns every problem of a model at once', async () => {
    // given a model with problems for six different rules
    const result = await compileFixture('invalid/multi-problem');
    // then all of them are reported together, each with an element id and a position
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.problems.map((p) => `${p.rule}:${p.elementId ?? ''}`).sort();
    expect(found).toEqual([
      'business-rule-task:Gateway_1',
      'end-event-outgoing:EndEvent_2',
      'feel-syntax:Flow_BadCondition',
      'flow-target-exists:Flow_Dangling',
      'service-task-type:Task_NoType',
      'start-event-required:multi-problem',
      'unsupported-element:StartEvent_1',
    ]);
    for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
  });

  it('names the process of each problem in a file with two executable processes', async () => {
    // given a second executable process whose start event leads nowhere valid
    const xml = readFixture('none-start-end').replace(
      '</bpmn:process>',
      '</bpmn:process><bpmn:process id="second" isExecutable="true"><bpmn:startEvent id="S2" /><bpmn:serviceTask id="T2" /></bpmn:process>',
    );
    // when compiled, then the problems name the element and the process that holds it
    const result = await compileBpmn(xml);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          rule: 'service-task-type',
          elementId: 'T2',
          processId: 'second',
        }),
      );
  });
});
