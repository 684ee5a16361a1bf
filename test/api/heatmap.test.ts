/**
 * The heatmap's aggregation (src/api/heatmap.ts) over hand-made instance views: visits,
 * tokens, incidents, instances and times per element; multi-instance bodies not counted twice.
 */
import { aggregateHeatmap, droppedEntries, machineSample } from '../../src/api/heatmap';
import type { HeatmapSample } from '../../src/api/heatmap';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const done = (elementId: string, from: number, to: number, type = 'bpmn:Task') => ({
  elementId,
  type,
  startedAt: at(from),
  endedAt: at(to),
});
const byId = (samples: HeatmapSample[]) =>
  Object.fromEntries(aggregateHeatmap(samples).map((e) => [e.elementId, e]));

test('counts completed visits, tokens and incidents per element, and instances once each', () => {
  // Given two completed instances down different branches and one waiting with an incident
  const samples: HeatmapSample[] = [
    {
      trail: [done('Start', 0, 0), done('A', 0, 2), done('End', 2, 2)],
      activeElements: [],
      incidents: [],
    },
    {
      trail: [done('Start', 0, 0), done('B', 0, 4), done('End', 4, 4)],
      activeElements: [],
      incidents: [],
    },
    {
      trail: [done('Start', 0, 0), done('A', 0, 6)],
      activeElements: [{ elementId: 'Task_Wait', type: 'bpmn:UserTask' }],
      incidents: [{ elementId: 'Task_Wait' }],
    },
  ];

  // When they are aggregated
  const map = byId(samples);

  // Then each element has its visits, tokens and times
  expect(map.Start).toMatchObject({ entered: 3, completed: 3, active: 0, instances: 3, avgMs: 0 });
  expect(map.A).toMatchObject({ entered: 2, completed: 2, instances: 2, avgMs: 4000, p50Ms: 4000 });
  expect(map.B).toMatchObject({ entered: 1, completed: 1, avgMs: 4000, p50Ms: 4000 });
  expect(map.End).toMatchObject({ entered: 2, completed: 2, instances: 2 });
  expect(map.Task_Wait).toEqual({
    elementId: 'Task_Wait',
    entered: 1,
    completed: 0,
    active: 1,
    incidents: 1,
    instances: 1,
  });
});

test('a loop counts every visit but the instance once; the median of an even count is the mean of the middle two', () => {
  const samples: HeatmapSample[] = [
    {
      trail: [done('Loop', 0, 1), done('Loop', 1, 4), done('Loop', 4, 10), done('Loop', 10, 20)],
      activeElements: [{ elementId: 'Loop', type: 'bpmn:Task' }],
      incidents: [],
      trailDropped: 7,
    },
  ];
  expect(byId(samples).Loop).toMatchObject({
    entered: 5,
    completed: 4,
    active: 1,
    instances: 1,
    avgMs: 5000,
    p50Ms: 4500,
  });
  expect(droppedEntries(samples)).toBe(7);
});

test('multi-instance bodies are not counted on top of their inner instances', () => {
  const body = 'bpmn:MultiInstanceLoopCharacteristics';
  const samples: HeatmapSample[] = [
    {
      trail: [done('Each', 0, 1), done('Each', 0, 2)],
      activeElements: [
        { elementId: 'Each', type: body },
        { elementId: 'Each', type: 'bpmn:ServiceTask' },
      ],
      incidents: [],
    },
    { trail: [done('Each', 0, 3), done('Each', 0, 3, body)], activeElements: [], incidents: [] },
  ];
  expect(byId(samples).Each).toMatchObject({ entered: 4, completed: 3, active: 1, instances: 2 });
});

test('no samples, no elements', () => {
  expect(aggregateHeatmap([])).toEqual([]);
});

test('a state machine counts its states: each change starts a visit the next one ends', () => {
  // Given a machine NEW → PENDING → NEW → PENDING (now), and one that ended in DONE
  const change = (toState: string, s: number) => ({ toState, at: at(s) });
  const running = machineSample({
    trail: [change('NEW', 0), change('PENDING', 2), change('NEW', 5), change('PENDING', 6)],
    activeElements: [{ elementId: 'PENDING', type: 'state' }],
    incidents: [{}],
  });
  const finished = machineSample({
    trail: [change('NEW', 0), change('DONE', 4)],
    activeElements: [],
    incidents: [],
  });

  // Then visits, the current state, its incident and the times are per state
  const map = byId([running, finished]);
  expect(map.NEW).toMatchObject({ entered: 3, completed: 3, active: 0, instances: 2, avgMs: 2333 });
  expect(map.PENDING).toMatchObject({
    entered: 2,
    completed: 1,
    active: 1,
    incidents: 1,
    avgMs: 3000,
  });
  expect(map.DONE).toEqual({
    elementId: 'DONE',
    entered: 1,
    completed: 1,
    active: 0,
    incidents: 0,
    instances: 1,
  });
});
