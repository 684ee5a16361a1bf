/**
 * The fault suite's models: one process that passes every kind of wait the suite puts under
 * fire — a service task, a timer, a custom activity waiting for its callback, a user task, a
 * call activity and a message catch — in sequence, so the trail of a healthy instance holds
 * each element exactly once (`FAULT_TRAIL`), and the child the call activity starts.
 */

/** The element ids of a completed instance's trail, in order. */
export const FAULT_TRAIL = [
  'Start',
  'Task_Prepare',
  'Timer_Wait',
  'Task_Callback',
  'UserTask_Approve',
  'Call_Child',
  'Catch_Shipped',
  'End',
];

/** The message the suite publishes to each instance (correlation key = `orderId`). */
export const FAULT_MESSAGE = 'fault-shipped';

const ns =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://bpmn.io/schema/bpmn"';

/** The child: a script and a service task; its result comes back to the parent as `doubled`. */
export const FAULT_CHILD_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${ns} id="FaultChildDefs">
  <bpmn:process id="fault-child" isExecutable="true">
    <bpmn:startEvent id="Child_Start"><bpmn:outgoing>c1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:scriptTask id="Child_Double">
      <bpmn:extensionElements><zeebe:script expression="=childInput * 2" resultVariable="childResult" /></bpmn:extensionElements>
      <bpmn:incoming>c1</bpmn:incoming><bpmn:outgoing>c2</bpmn:outgoing>
    </bpmn:scriptTask>
    <bpmn:serviceTask id="Child_Task">
      <bpmn:extensionElements><zeebe:taskDefinition type="noop" /></bpmn:extensionElements>
      <bpmn:incoming>c2</bpmn:incoming><bpmn:outgoing>c3</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="Child_End"><bpmn:incoming>c3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="c1" sourceRef="Child_Start" targetRef="Child_Double" />
    <bpmn:sequenceFlow id="c2" sourceRef="Child_Double" targetRef="Child_Task" />
    <bpmn:sequenceFlow id="c3" sourceRef="Child_Task" targetRef="Child_End" />
  </bpmn:process>
</bpmn:definitions>`;

/** The parent: variables `orderId`, `amount`, `serviceUrl` at start. */
export const FAULT_PROCESS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${ns} id="FaultDefs">
  <bpmn:message id="Msg_Shipped" name="${FAULT_MESSAGE}">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="fault-mixed" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Prepare">
      <bpmn:extensionElements><zeebe:taskDefinition type="noop" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:intermediateCatchEvent id="Timer_Wait">
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:timerEventDefinition id="Ted_1"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="Task_Callback">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="callback" retries="3" />
        <zeebe:ioMapping><zeebe:input source="=orderId" target="orderId" /></zeebe:ioMapping>
        <zeebe:taskHeaders>
          <zeebe:header key="url" value="\${serviceUrl}/reserve" />
          <zeebe:header key="timeout" value="PT30S" />
        </zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:userTask id="UserTask_Approve">
      <bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
      <bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:callActivity id="Call_Child">
      <bpmn:extensionElements>
        <zeebe:calledElement processId="fault-child" propagateAllChildVariables="false" />
        <zeebe:ioMapping>
          <zeebe:input source="=amount" target="childInput" />
          <zeebe:output source="=childResult" target="doubled" />
        </zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>f6</bpmn:outgoing>
    </bpmn:callActivity>
    <bpmn:intermediateCatchEvent id="Catch_Shipped">
      <bpmn:incoming>f6</bpmn:incoming><bpmn:outgoing>f7</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Shipped" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f7</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Prepare" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Prepare" targetRef="Timer_Wait" />
    <bpmn:sequenceFlow id="f3" sourceRef="Timer_Wait" targetRef="Task_Callback" />
    <bpmn:sequenceFlow id="f4" sourceRef="Task_Callback" targetRef="UserTask_Approve" />
    <bpmn:sequenceFlow id="f5" sourceRef="UserTask_Approve" targetRef="Call_Child" />
    <bpmn:sequenceFlow id="f6" sourceRef="Call_Child" targetRef="Catch_Shipped" />
    <bpmn:sequenceFlow id="f7" sourceRef="Catch_Shipped" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
