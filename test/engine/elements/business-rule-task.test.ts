/**
 * Business rule task (BPMN 2.0 §10.3.3): a called decision schedules the internal
 * `waymark.evaluateDecision` activity with the (FEEL-evaluated) decision id and binding,
 * stores its `result` in the result variable, and turns a failure into an incident naming
 * the element; the job form behaves as a service task.
 */
import type { BusinessRuleTaskIR, CalledDecisionIR, ProcessIR } from '../../../src/model/bpmn/ir';
import { INTERNAL_ACTIVITIES } from '../../../src/model/task-types';
import { proc } from '../support/builder';
import { Sim } from '../support/sim';

/** s → rules (a business rule task) → e, the task made from a service task's IR. */
function model(task: Partial<BusinessRuleTaskIR>): ProcessIR {
  const ir = proc().start('s').serviceTask('rules', { type: 'unused' }).end('e').build();
  const {
    taskType: _t,
    retries: _r,
    headers: _h,
    taskQueue: _q,
    ...base
  } = ir.elements.rules as never as Record<string, unknown>;
  ir.elements.rules = {
    ...base,
    type: 'businessRuleTask',
    bpmnType: 'bpmn:BusinessRuleTask',
    ...task,
  } as BusinessRuleTaskIR;
  return ir;
}

const called = (c: Partial<CalledDecisionIR> = {}): Partial<BusinessRuleTaskIR> => ({
  calledDecision: {
    decisionId: 'dish',
    decisionIdIsFeel: false,
    resultVariable: 'dish',
    bindingType: 'latest',
    ...c,
  },
});

describe('business-rule-task', () => {
  it('schedules the decision activity and stores its result in the result variable', () => {
    // given a task calling "dish" bound to version tag v1
    const sim = new Sim(model(called({ bindingType: 'versionTag', versionTag: 'v1' })), {
      month: 1,
    });
    // then it schedules the internal activity with the decision in its headers
    expect(sim.last).toEqual([
      expect.objectContaining({
        type: 'scheduleTask',
        elementId: 'rules',
        taskType: INTERNAL_ACTIVITIES.evaluateDecision,
        headers: {
          decisionId: 'dish',
          resultVariable: 'dish',
          bindingType: 'versionTag',
          versionTag: 'v1',
        },
        variables: { month: 1 },
      }),
    ]);
    // when the activity answers, only `result` becomes the variable
    sim.completeTask('rules', {
      result: 'Stew',
      decision: { key: 'dish', version: 1 },
      matchedRules: [],
    });
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ month: 1, dish: 'Stew' });
    expect(sim.trail()).toEqual(['s', 'rules', 'e']);
  });

  it('evaluates a FEEL decision id; a non-string id is an expression incident', () => {
    const sim = new Sim(model(called({ decisionId: '"dish-" + kind', decisionIdIsFeel: true })), {
      kind: 'v',
    });
    expect(sim.last[0]).toMatchObject({ headers: { decisionId: 'dish-v' } });
    const bad = new Sim(model(called({ decisionId: 'kind', decisionIdIsFeel: true })), { kind: 3 });
    expect(Object.values(bad.state.incidents)).toEqual([
      expect.objectContaining({
        kind: 'expression',
        elementId: 'rules',
        message: "element 'rules': decisionId evaluated to 3, not a decision id",
      }),
    ]);
  });

  it('a failed evaluation is a task incident naming the element; retry schedules it again', () => {
    const sim = new Sim(model(called()));
    sim.send({
      type: 'taskFailed',
      feiId: sim.fei('rules'),
      message: "decision 'dish' version 1 failed: boom",
    });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({
      kind: 'task',
      elementId: 'rules',
      message: "element 'rules': decision 'dish' version 1 failed: boom",
    });
    const retried = sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(retried).toEqual([
      expect.objectContaining({
        type: 'scheduleTask',
        taskType: INTERNAL_ACTIVITIES.evaluateDecision,
      }),
    ]);
  });

  it('the job form runs as a service task of its type', () => {
    const sim = new Sim(
      model({ job: { taskType: 'my-rules', retries: 2, headers: { h: '${x}' } } }),
      { x: 7 },
    );
    expect(sim.last).toEqual([
      expect.objectContaining({
        type: 'scheduleTask',
        taskType: 'my-rules',
        retries: 2,
        headers: { h: '7' },
      }),
    ]);
    sim.completeTask('rules', { score: 1 });
    expect(sim.vars()).toEqual({ x: 7, score: 1 });
  });
});
