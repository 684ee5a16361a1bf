/**
 * The soak test's mixed load (bench/soak.ts): three BPMN models, each instance started with a
 * business key of its own and an `Idempotency-Key`, and the trail each must end with exactly
 * once — a task run twice, or an instance started twice, shows in the check.
 */
const head = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">`;
const noop = (id: string, incoming: string, outgoing: string): string =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="noop" /></bpmn:extensionElements><bpmn:incoming>${incoming}</bpmn:incoming><bpmn:outgoing>${outgoing}</bpmn:outgoing></bpmn:serviceTask>`;
const flow = (id: string, from: string, to: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

export interface SoakModel {
  key: string;
  xml: string;
  /** Element ids of the completed trail, in any order. */
  trail: string[];
  /** A user task the load generator completes through the other API. */
  userTask?: boolean;
}

/** Three noop service tasks in a row (local activities). */
const sequence: SoakModel = {
  key: 'soak-sequence',
  trail: ['Start', 'T1', 'T2', 'T3', 'End'],
  xml: `${head}<bpmn:process id="soak-sequence" isExecutable="true">
<bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
${noop('T1', 'f1', 'f2')}${noop('T2', 'f2', 'f3')}${noop('T3', 'f3', 'f4')}
<bpmn:endEvent id="End"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
${flow('f1', 'Start', 'T1')}${flow('f2', 'T1', 'T2')}${flow('f3', 'T2', 'T3')}${flow('f4', 'T3', 'End')}
</bpmn:process></bpmn:definitions>`,
};

/** A parallel split: a one-second timer beside a noop task, joined. */
const timer: SoakModel = {
  key: 'soak-timer',
  trail: ['Start', 'Split', 'Wait', 'Work', 'Join', 'End'],
  xml: `${head}<bpmn:process id="soak-timer" isExecutable="true">
<bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
<bpmn:parallelGateway id="Split"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing></bpmn:parallelGateway>
<bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
${noop('Work', 'f3', 'f5')}
<bpmn:parallelGateway id="Join"><bpmn:incoming>f4</bpmn:incoming><bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>f6</bpmn:outgoing></bpmn:parallelGateway>
<bpmn:endEvent id="End"><bpmn:incoming>f6</bpmn:incoming></bpmn:endEvent>
${flow('f1', 'Start', 'Split')}${flow('f2', 'Split', 'Wait')}${flow('f3', 'Split', 'Work')}${flow('f4', 'Wait', 'Join')}${flow('f5', 'Work', 'Join')}${flow('f6', 'Join', 'End')}
</bpmn:process></bpmn:definitions>`,
};

/** A user task, then an exclusive gateway on the variable the task was completed with. */
const approval: SoakModel = {
  key: 'soak-approval',
  userTask: true,
  trail: ['Start', 'Approve', 'Decide', 'Record', 'End'],
  xml: `${head}<bpmn:process id="soak-approval" isExecutable="true">
<bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
<bpmn:userTask id="Approve"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
<bpmn:exclusiveGateway id="Decide" default="no"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
${noop('Record', 'yes', 'f3')}
<bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
${flow('f1', 'Start', 'Approve')}${flow('f2', 'Approve', 'Decide')}
<bpmn:sequenceFlow id="yes" sourceRef="Decide" targetRef="Record"><bpmn:conditionExpression>=approved</bpmn:conditionExpression></bpmn:sequenceFlow>
${flow('no', 'Decide', 'End')}${flow('f3', 'Record', 'End')}
</bpmn:process></bpmn:definitions>`,
};

export const soakModels: SoakModel[] = [sequence, timer, approval];
