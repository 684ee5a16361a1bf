/**
 * Timer cycles end to end (issue 16, defect 10): a non-interrupting boundary cycle whose start
 * lies in the past fires once for what it missed, then on its interval — not once per missed
 * interval back to back — and a cycle faster than the minimum (1 s) is refused at deploy with
 * the element id.
 */
import { call, completeUserTask, startInstance, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const model = (id: string, cycle: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Wait"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:boundaryEvent id="Timer_Cycle" cancelActivity="false" attachedToRef="Task_Wait">
      <bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:timerEventDefinition id="Def_1"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="End_Reminder"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Wait" targetRef="End"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Timer_Cycle" targetRef="End_Reminder"/>
  </bpmn:process>
</bpmn:definitions>`;

const firings = (i: any): number[] =>
  i.trail.filter((t: any) => t.elementId === 'Timer_Cycle').map((t: any) => Date.parse(t.endedAt));

test('a boundary cycle started in the past catches up once, then fires on its interval', async () => {
  const dep = await call(
    'POST',
    '/definitions?deploy=true',
    model('cycle-from-the-past', 'R3/2020-01-01T00:00:00Z/PT5S'),
    { 'content-type': 'application/xml' },
  );
  expect([200, 201]).toContain(dep.status);
  const id = await startInstance('cycle-from-the-past', {});
  replay.add(id, 'cycle-from-the-past');
  // given three repetitions due since 2020, when all of them have fired
  const inst = await waitFor(id, (i) => firings(i).length >= 3, 30_000);
  const [first, second, third] = firings(inst);
  // then the first (due in 2020) and one catch-up (due at the first firing) fire at once — a
  // short timer each — and the third is due an interval after the catch-up's due time, not at
  // once as every missed interval would be
  expect(second - first).toBeLessThan(5000);
  expect(third - first).toBeGreaterThanOrEqual(5000);
  expect(inst.status).toBe('RUNNING');
  await completeUserTask(id, 'Task_Wait');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done).filter((e) => e === 'End_Reminder')).toHaveLength(3);
}, 60_000);

test('a cycle faster than the minimum interval is refused at deploy, naming the element', async () => {
  const res = await call(
    'POST',
    '/definitions?deploy=true',
    model('cycle-too-fast', 'R/PT0.001S'),
    {
      'content-type': 'application/xml',
    },
  );
  expect(res.status).toBe(422);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.errors).toEqual([
    expect.objectContaining({
      rule: 'timer-cycle-interval',
      elementId: 'Timer_Cycle',
      message: expect.stringContaining('every 1 ms, faster than the minimum of 1000 ms'),
    }),
  ]);
  const listed = await call('GET', '/definitions/cycle-too-fast');
  expect(listed.status).toBe(404);
});
