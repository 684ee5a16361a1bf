/**
 * A state machine as BPMN (src/api/state-machine-bpmn.ts): states become tasks, transitions
 * sequence flows named after their code and trigger, and bpmn-auto-layout gives every one of
 * them a shape or an edge.
 */
import { stateMachineDiagram } from '../../src/api/state-machine-bpmn';
import type { StateMachineIR } from '../../src/model/state-machine';

const t = (code: string, fromState: string, toState: string, triggerType = 'MANUAL') => ({
  code,
  fromState,
  toState,
  triggerType: triggerType as 'MANUAL',
  enabled: true,
  conditions: [],
});

const ir: StateMachineIR = {
  kind: 'state-machine',
  code: 'SM',
  initialState: 'NEW',
  enabled: true,
  instanceMode: 'PER_RECORD',
  states: {
    NEW: { code: 'NEW', isFinal: false },
    PENDING: { code: 'PENDING', isFinal: false },
    'DONE & DUSTED': { code: 'DONE & DUSTED', isFinal: true },
  },
  stateOrder: ['NEW', 'PENDING', 'DONE & DUSTED'],
  transitions: [
    t('IMPORT', 'NEW', 'PENDING', 'ON_IMPORT'),
    t('APPROVE', 'PENDING', 'DONE & DUSTED'),
    t('RETRY', 'PENDING', 'PENDING'),
  ],
};

test('states are tasks and transitions named flows, every one laid out', async () => {
  // When the machine is drawn
  const d = await stateMachineDiagram(ir);

  // Then codes map to element ids (an index where the code is no XML id)
  expect(d.states).toEqual({
    NEW: 'State_NEW',
    PENDING: 'State_PENDING',
    'DONE & DUSTED': 'State_3',
  });
  expect(d.transitions.map((x) => x.elementId)).toEqual([
    'Transition_IMPORT',
    'Transition_APPROVE',
    'Transition_RETRY',
  ]);
  expect(d.finalStates).toEqual(['DONE & DUSTED']);
  // moddle re-serialises the escape as a numeric reference
  expect(d.xml).toContain('<bpmn:task id="State_3" name="DONE &#38; DUSTED">');
  expect(d.xml).toContain('name="APPROVE (MANUAL)" sourceRef="State_PENDING" targetRef="State_3"');
  // And bpmn-auto-layout gave each state a shape and each transition an edge
  for (const id of [...Object.values(d.states), 'Start'])
    expect(d.xml).toContain(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}">`);
  for (const x of d.transitions)
    expect(d.xml).toContain(
      `<bpmndi:BPMNEdge id="${x.elementId}_di" bpmnElement="${x.elementId}">`,
    );
});
