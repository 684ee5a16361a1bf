import { isQuiescent } from '../../../src/engine';
import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('job-task (service / send task)', () => {
  const ir = proc()
    .start('s')
    .serviceTask('charge', {
      type: 'charge-card',
      name: 'Charge',
      retries: 5,
      taskQueue: 'payments',
      headers: { url: 'https://x/${processInstanceData.customer.id}/${amount}', fixed: 'v' },
      inputs: io({ amount: 'order.total * 2' }),
    })
    .end('e')
    .build();

  it('schedules the task with visible variables + inputs and rendered headers, then completes', () => {
    // given / when
    const sim = new Sim(ir, { customer: { id: 'c-7' }, order: { total: 21 } });
    // then
    expect(sim.last).toEqual([
      {
        type: 'scheduleTask',
        feiId: 'wf1/charge/1',
        elementId: 'charge',
        name: 'Charge',
        taskType: 'charge-card',
        taskQueue: 'payments',
        retries: 5,
        headers: { url: 'https://x/c-7/42', fixed: 'v' },
        variables: { customer: { id: 'c-7' }, order: { total: 21 }, amount: 42 },
      },
    ]);
    expect(isQuiescent(sim.state)).toBe(false);
    // when the task completes
    sim.completeTask('charge', { receipt: 'r1' });
    // then results propagate to the root, the input local vanishes
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ customer: { id: 'c-7' }, order: { total: 21 }, receipt: 'r1' });
    expect(sim.trail()).toEqual(['s', 'charge', 'e']);
  });

  it('a failure without error code is a task incident; retry re-schedules the same feiId', () => {
    const sim = new Sim(ir, { customer: { id: 'c' }, order: { total: 1 } });
    sim.send({ type: 'taskFailed', feiId: 'wf1/charge/1', message: 'card declined' });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ kind: 'task', message: 'card declined', elementId: 'charge' });
    expect(isQuiescent(sim.state)).toBe(true);
    expect(sim.active()).toEqual(['charge']);
    // when
    const cmds = sim.send({ type: 'incidentRetried', incidentId: incident.id });
    // then
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatchObject({ type: 'scheduleTask', feiId: 'wf1/charge/1' });
    expect(sim.state.incidents).toEqual({});
    sim.completeTask('charge');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('output mappings write only the mapped targets', () => {
    const ir2 = proc()
      .start('s')
      .sendTask('notify', {
        type: 'mail',
        outputs: io({ 'mail.id': 'messageId', sentAt: '"now"' }),
      })
      .end('e')
      .build();
    const sim = new Sim(ir2, { mail: { to: 'a@b' } });
    sim.completeTask('notify', { messageId: 'm-1', noise: true });
    expect(sim.vars()).toEqual({ mail: { to: 'a@b', id: 'm-1' }, sentAt: 'now' });
  });

  it('a failing output mapping parks the completion; retry re-applies it', () => {
    const ir3 = proc()
      .start('s')
      .serviceTask('t', { type: 'x', outputs: io({ y: 'x +' }) })
      .end('e')
      .build();
    const sim = new Sim(ir3);
    sim.completeTask('t', { x: 1 });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident.kind).toBe('expression');
    expect(sim.state.tokens[Object.keys(sim.state.tokens)[0]].completing).toEqual({
      variables: { x: 1 },
    });
    // retry fails again (same expression) but does not lose the result
    sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(Object.values(sim.state.incidents)).toHaveLength(1);
  });

  it('ignores completions for unknown or stale feiIds', () => {
    const sim = new Sim(ir, { customer: { id: 'c' }, order: { total: 1 } });
    expect(sim.send({ type: 'taskCompleted', feiId: 'wf1/charge/9' })).toEqual([]);
    expect(sim.active()).toEqual(['charge']);
  });

  it('a built-in connector (http) gets only its own input mappings; a retry is the next attempt', () => {
    // given an http task that maps url only, in an instance whose variables carry other fields
    const http = proc()
      .start('s')
      .serviceTask('call', { type: 'http', inputs: io({ url: '"https://api.example/x"' }) })
      .end('e')
      .build();
    const sim = new Sim(http, { headers: { 'x-evil': '1' }, authentication: { token: 'stolen' } });
    // then the activity sees the mapping, nothing inherited
    expect(sim.last[0]).toMatchObject({
      type: 'scheduleTask',
      variables: { url: 'https://api.example/x' },
    });
    expect(sim.last[0]).not.toHaveProperty('attempt');
    expect(Object.keys((sim.last[0] as { variables: object }).variables)).toEqual(['url']);
    // when it fails into an incident and is retried
    sim.send({ type: 'taskFailed', feiId: 'wf1/call/1', message: 'HTTP 500' });
    const [incident] = Object.values(sim.state.incidents);
    const cmds = sim.send({ type: 'incidentRetried', incidentId: incident.id });
    // then it is scheduled again as attempt 2, with the same variables
    expect(cmds[0]).toMatchObject({ type: 'scheduleTask', feiId: 'wf1/call/1', attempt: 2 });
  });

  it('an input mapping to a reserved name is an incident at run time (models compiled before the rule)', () => {
    const bad = proc()
      .start('s')
      .serviceTask('t', { type: 'noop', inputs: io({ ['__proto__']: '{polluted: true}' }) })
      .end('e')
      .build();
    const sim = new Sim(bad, {});
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ elementId: 't', kind: 'expression' });
    expect(incident.message).toContain("the name '__proto__' is reserved");
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
