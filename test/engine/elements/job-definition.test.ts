/**
 * FEEL task types and retries (src/engine/elements/job-definition.ts): evaluated when the job
 * is created, each failure an `expression` incident naming the element, re-evaluated on retry.
 */
import type { JobTaskIR } from '../../../src/model/bpmn/ir';
import { proc } from '../support/builder';
import { Sim } from '../support/sim';

/** A process with one service task whose type (and retries) are FEEL. */
function feelTask(type: string, retries?: string, taskQueue?: string) {
  const ir = proc()
    .start('s')
    .serviceTask('work', { type, ...(taskQueue ? { taskQueue } : {}) })
    .end('e')
    .build();
  Object.assign(ir.elements.work as JobTaskIR, {
    taskTypeIsFeel: true,
    ...(retries ? { retriesExpression: retries } : {}),
  });
  return ir;
}

describe('job-definition (FEEL task type and retries)', () => {
  it('schedules the activity named by the evaluated type, with the evaluated retries', () => {
    // given type "=kind" and retries "=tries"
    const sim = new Sim(feelTask('kind', 'tries'), { kind: 'noop', tries: 2 });
    // then the job is created with what they evaluated to
    expect(sim.commandsOf('scheduleTask')).toEqual([
      expect.objectContaining({ elementId: 'work', taskType: 'noop', retries: 2 }),
    ]);
    sim.completeTask('work');
    expect(sim.trail()).toEqual(['s', 'work', 'e']);
  });

  it.each([
    ['a number', 'kind', { kind: 42 }, 'evaluated to 42, not a non-empty string'],
    ['a missing variable', 'kind', {}, 'evaluated to null'],
    ['an internal activity', 'kind', { kind: 'waymark.resolveDefinition' }, 'reserved'],
    ['the callback type', 'kind', { kind: 'callback' }, 'must be written statically'],
    ['the integration type', '"integ" + "ration"', {}, 'must be written statically'],
  ])('a type that gives %s is an expression incident naming the element', (_c, type, vars, why) => {
    // given a type expression that gives something the engine may not run
    const sim = new Sim(feelTask(type), vars);
    // then no activity is scheduled, and the incident names the element and the reason
    expect(sim.commandsOf('scheduleTask')).toEqual([]);
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ kind: 'expression', elementId: 'work' });
    expect(incident.message).toContain("element 'work'");
    expect(incident.message).toContain(why);
    expect(sim.state.status).toBe('RUNNING');
  });

  it('retries that are not a positive whole number are an incident; retry re-evaluates', () => {
    // given retries "=tries" with tries = 0
    const sim = new Sim(feelTask('"noop"', 'tries'), { tries: 0 });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident.message).toContain('not a positive whole number');
    // when retried, it evaluates again (still 0: a new incident, nothing scheduled)
    sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(sim.commandsOf('scheduleTask')).toEqual([]);
    expect(Object.values(sim.state.incidents)).toHaveLength(1);
  });

  it('a static type is scheduled as written, as before', () => {
    const ir = proc()
      .start('s')
      .serviceTask('work', { type: 'charge', retries: 4 })
      .end('e')
      .build();
    const sim = new Sim(ir, { charge: 'not used' });
    expect(sim.commandsOf('scheduleTask')).toEqual([
      expect.objectContaining({ taskType: 'charge', retries: 4 }),
    ]);
  });
});
