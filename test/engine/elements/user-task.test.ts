import { openUserTasks, userTaskStatus } from '../../../src/engine';
import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('user-task', () => {
  it('opens a task with its variables and completes it with the given variables', () => {
    const ir = proc()
      .start('s')
      .userTask('approve', { name: 'Approve', assignee: 'ann', inputs: io({ limit: '100' }) })
      .end('e')
      .build();
    const sim = new Sim(ir, { amount: 5 });
    expect(openUserTasks(sim.state)).toEqual([
      {
        flowElementInstanceId: 'wf1/approve/1',
        elementId: 'approve',
        name: 'Approve',
        assignee: 'ann',
        variables: { amount: 5, limit: 100 },
        createdAt: '2024-01-01T00:00:00.000Z',
      },
    ]);
    expect(userTaskStatus(sim.state, 'wf1/approve/1')).toBe('open');
    expect(userTaskStatus(sim.state, 'wf1/approve/2')).toBe('unknown');
    sim.completeUserTask('approve', { approved: true });
    expect(userTaskStatus(sim.state, 'wf1/approve/1')).toBe('completed');
    expect(userTaskStatus(sim.state, 'other/approve/1')).toBe('unknown');
    expect(sim.vars()).toEqual({ amount: 5, approved: true });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an interrupting timer boundary closes the user task and takes the boundary flow', () => {
    // given
    const ir = proc()
      .start('s')
      .userTask('review')
      .end('done')
      .boundary('late', 'review', { timer: { expression: 'PT24H' } })
      .task('escalate')
      .end('escalated')
      .build();
    const sim = new Sim(ir);
    const [timer] = sim.commandsOf('startTimer');
    expect(timer).toEqual({
      type: 'startTimer',
      timerId: timer.timerId,
      elementId: 'late',
      dueAt: Date.UTC(2024, 0, 2),
    });
    // when
    sim.advance(24 * 3600 * 1000);
    // then
    expect(openUserTasks(sim.state)).toEqual([]);
    expect(sim.trail()).toEqual(['s', 'late', 'escalate', 'escalated']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(userTaskStatus(sim.state, 'wf1/review/1')).toBe('completed');
    // a late completion is ignored
    expect(sim.send({ type: 'userTaskCompleted', feiId: 'wf1/review/1' })).toEqual([]);
  });

  it('completing the host disarms its boundary timer', () => {
    const ir = proc()
      .start('s')
      .userTask('review')
      .end('done')
      .boundary('late', 'review', { timer: { expression: 'PT1H' } })
      .end('x')
      .build();
    const sim = new Sim(ir);
    const [timer] = sim.commandsOf('startTimer');
    const cmds = sim.completeUserTask('review');
    expect(cmds[0]).toEqual({ type: 'cancelTimer', timerId: timer.timerId });
    expect(sim.state.timers).toEqual({});
  });
});
