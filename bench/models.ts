/**
 * Generated BPMN models for the benchmark, the equivalents of the hand-written workflows in
 * `workflows.ts`: a chain of N noop service tasks, a parallel split/join of N, a chain of N
 * exclusive gateways, a one-second timer, a user task, a 1,000-node model and a counted loop.
 * Plain Camunda 8 XML (no diagram), compiled by the same `compileBpmn` the API uses.
 */

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

/** Collects elements and flows, then writes the document. */
class ModelBuilder {
  private readonly parts: string[] = [];
  private flows = 0;

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  add(xml: string): this {
    this.parts.push(xml);
    return this;
  }

  /** A sequence flow, optionally with a FEEL condition; returns its id. */
  flow(from: string, to: string, condition?: string): string {
    const id = `Flow_${++this.flows}`;
    const cond = condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(condition)}</bpmn:conditionExpression>`
      : '';
    this.parts.push(
      `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond}</bpmn:sequenceFlow>`,
    );
    return id;
  }

  xml(): string {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="Definitions_${this.key}" targetNamespace="http://bpmn.io/schema/bpmn">\n` +
      `<bpmn:process id="${this.key}" name="${this.name}" isExecutable="true">\n` +
      this.parts.join('\n') +
      '\n</bpmn:process>\n</bpmn:definitions>\n'
    );
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const start = (id = 'StartEvent_1'): string => `<bpmn:startEvent id="${id}"/>`;
const end = (id = 'EndEvent_1'): string => `<bpmn:endEvent id="${id}"/>`;
const noopTask = (id: string): string =>
  `<bpmn:serviceTask id="${id}" name="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="noop"/></bpmn:extensionElements></bpmn:serviceTask>`;

/** start → N noop service tasks → (optional user task) → end. */
export function sequentialModel(n: number, waitAtEnd = false): string {
  const m = new ModelBuilder(`bench-seq-${n}${waitAtEnd ? '-wait' : ''}`, `Sequential ${n}`);
  m.add(start());
  let prev = 'StartEvent_1';
  for (let i = 1; i <= n; i++) {
    m.add(noopTask(`Task_${i}`));
    m.flow(prev, `Task_${i}`);
    prev = `Task_${i}`;
  }
  if (waitAtEnd) {
    m.add('<bpmn:userTask id="UserTask_1" name="Wait"/>');
    m.flow(prev, 'UserTask_1');
    prev = 'UserTask_1';
  }
  m.add(end());
  m.flow(prev, 'EndEvent_1');
  return m.xml();
}

/** start → parallel split → N noop service tasks → parallel join → end. */
export function parallelModel(n: number): string {
  const m = new ModelBuilder(`bench-par-${n}`, `Parallel ${n}`);
  m.add(start())
    .add('<bpmn:parallelGateway id="Gateway_Split"/>')
    .add('<bpmn:parallelGateway id="Gateway_Join"/>')
    .add(end());
  m.flow('StartEvent_1', 'Gateway_Split');
  for (let i = 1; i <= n; i++) {
    m.add(noopTask(`Task_${i}`));
    m.flow('Gateway_Split', `Task_${i}`);
    m.flow(`Task_${i}`, 'Gateway_Join');
  }
  m.flow('Gateway_Join', 'EndEvent_1');
  return m.xml();
}

/**
 * A chain of N exclusive gateways; each decides on `x > 0` between a "yes" and a "no" noop task
 * and merges again through the next gateway's incoming flows. Start it with `{x: 1}`.
 */
export function gatewayModel(n: number): string {
  const m = new ModelBuilder(`bench-gw-${n}`, `Gateway chain ${n}`);
  m.add(start());
  let prev = ['StartEvent_1'];
  for (let i = 1; i <= n; i++) {
    const gw = `Gateway_${i}`;
    m.add(`<bpmn:exclusiveGateway id="${gw}" default="Flow_No_${i}"/>`);
    for (const p of prev) m.flow(p, gw);
    m.add(noopTask(`Task_Yes_${i}`)).add(noopTask(`Task_No_${i}`));
    m.flow(gw, `Task_Yes_${i}`, '=x > 0');
    m.add(
      `<bpmn:sequenceFlow id="Flow_No_${i}" sourceRef="${gw}" targetRef="Task_No_${i}"></bpmn:sequenceFlow>`,
    );
    prev = [`Task_Yes_${i}`, `Task_No_${i}`];
  }
  m.add('<bpmn:exclusiveGateway id="Gateway_Merge"/>').add(end());
  for (const p of prev) m.flow(p, 'Gateway_Merge');
  m.flow('Gateway_Merge', 'EndEvent_1');
  return m.xml();
}

/** start → one-second timer catch → end. */
export function timerModel(): string {
  const m = new ModelBuilder('bench-timer', 'Timer PT1S');
  m.add(start())
    .add(
      '<bpmn:intermediateCatchEvent id="Timer_1" name="Wait 1 s"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    )
    .add(end());
  m.flow('StartEvent_1', 'Timer_1');
  m.flow('Timer_1', 'EndEvent_1');
  return m.xml();
}

/** start → user task → end. */
export function userTaskModel(): string {
  const m = new ModelBuilder('bench-user-task', 'User task');
  m.add(start()).add('<bpmn:userTask id="UserTask_1" name="Approve"/>').add(end());
  m.flow('StartEvent_1', 'UserTask_1');
  m.flow('UserTask_1', 'EndEvent_1');
  return m.xml();
}

/**
 * One custom activity (`callback`, README "Custom activities with callbacks"): the worker POSTs
 * to `${serviceUrl}/work`, the service acknowledges and calls back; start it with `{serviceUrl}`.
 */
export function callbackModel(): string {
  const m = new ModelBuilder('bench-callback', 'Callback');
  m.add(start())
    .add(
      '<bpmn:serviceTask id="Task_Callback" name="Task_Callback"><bpmn:extensionElements><zeebe:taskDefinition type="callback"/>' +
        '<zeebe:taskHeaders><zeebe:header key="url" value="${serviceUrl}/work"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>',
    )
    .add(end());
  m.flow('StartEvent_1', 'Task_Callback');
  m.flow('Task_Callback', 'EndEvent_1');
  return m.xml();
}

/**
 * A model of `nodes` flow nodes: blocks of an exclusive gateway choosing between a noop
 * service task and a pass-through task, merged again, separated by pass-through tasks. Only
 * one service task in ten runs as an activity, so the first instance stays within one history.
 */
export function largeModel(nodes: number): string {
  const m = new ModelBuilder(`bench-large-${nodes}`, `Large ${nodes}`);
  m.add(start());
  let prev = 'StartEvent_1';
  let count = 2; // start and end
  let block = 0;
  while (count + 5 <= nodes) {
    block++;
    const [gw, yes, no, merge, pass] = ['Gw', 'Work', 'Skip', 'Merge', 'Pass'].map(
      (p) => `${p}_${block}`,
    );
    m.add(`<bpmn:exclusiveGateway id="${gw}" default="Flow_Skip_${block}"/>`);
    m.add(block % 10 === 0 ? noopTask(yes) : `<bpmn:task id="${yes}"/>`);
    m.add(`<bpmn:task id="${no}"/>`);
    m.add(`<bpmn:exclusiveGateway id="${merge}"/>`);
    m.add(`<bpmn:task id="${pass}"/>`);
    m.flow(prev, gw);
    m.flow(gw, yes, '=x > 0');
    m.add(`<bpmn:sequenceFlow id="Flow_Skip_${block}" sourceRef="${gw}" targetRef="${no}"/>`);
    m.flow(yes, merge);
    m.flow(no, merge);
    m.flow(merge, pass);
    prev = pass;
    count += 5;
  }
  while (count < nodes) {
    const id = `Pad_${count}`;
    m.add(`<bpmn:task id="${id}"/>`);
    m.flow(prev, id);
    prev = id;
    count++;
  }
  m.add(end());
  m.flow(prev, 'EndEvent_1');
  return m.xml();
}

/**
 * A counted loop: count = 0; repeat noop task, count = count + 1 until count >= n.
 * Start it with `{n}`. The same shape as test/fixtures/bpmn/loop-continue-as-new.bpmn.
 */
export function loopModel(): string {
  const m = new ModelBuilder('bench-loop', 'Loop');
  m.add(start())
    .add(
      '<bpmn:scriptTask id="Script_Init"><bpmn:extensionElements><zeebe:script expression="=0" resultVariable="count"/></bpmn:extensionElements></bpmn:scriptTask>',
    )
    .add('<bpmn:exclusiveGateway id="Gateway_Loop"/>')
    .add(noopTask('Task_Work'))
    .add(
      '<bpmn:scriptTask id="Script_Increment"><bpmn:extensionElements><zeebe:script expression="=count + 1" resultVariable="count"/></bpmn:extensionElements></bpmn:scriptTask>',
    )
    .add('<bpmn:exclusiveGateway id="Gateway_Done" default="Flow_Again"/>')
    .add(end());
  m.flow('StartEvent_1', 'Script_Init');
  m.flow('Script_Init', 'Gateway_Loop');
  m.flow('Gateway_Loop', 'Task_Work');
  m.flow('Task_Work', 'Script_Increment');
  m.flow('Script_Increment', 'Gateway_Done');
  m.flow('Gateway_Done', 'EndEvent_1', '=count >= n');
  m.add('<bpmn:sequenceFlow id="Flow_Again" sourceRef="Gateway_Done" targetRef="Gateway_Loop"/>');
  return m.xml();
}

/**
 * A parallel multi-instance of one noop service task over `n` items (`=for i in 1..n return i`),
 * start it with `{n}`: the BPMN equivalent of `handFanout`.
 */
export function multiInstanceModel(): string {
  const m = new ModelBuilder('bench-multi-instance', 'Parallel multi-instance');
  m.add(start())
    .add(
      '<bpmn:serviceTask id="Task_Noop" name="Task_Noop"><bpmn:extensionElements><zeebe:taskDefinition type="noop"/></bpmn:extensionElements>' +
        '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=for i in 1..n return i" inputElement="i"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>',
    )
    .add(end());
  m.flow('StartEvent_1', 'Task_Noop');
  m.flow('Task_Noop', 'EndEvent_1');
  return m.xml();
}
