/**
 * A state machine drawn as BPMN, for the console's bpmn-js viewer: each state a task, each
 * transition a sequence flow named after its code and trigger, a start event into the
 * initial state; laid out by `bpmn-auto-layout` (bpmn.io's layouter, which writes the
 * diagram interchange). The XML is for display only, never deployed or run. State and
 * transition codes become element ids when they are valid XML ids (`State_<code>`,
 * `Transition_<code>`), else an index stands in; the answer maps codes to ids either way.
 */
import { layoutProcess } from 'bpmn-auto-layout';
import type { StateMachineIR } from '../model/state-machine';

export interface StateMachineDiagram {
  xml: string;
  /** State code → element id. */
  states: Record<string, string>;
  transitions: {
    code: string;
    elementId: string;
    fromState: string;
    toState: string;
    triggerType: string;
    enabled: boolean;
  }[];
  finalStates: string[];
}

const xmlId = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const idFor = (prefix: string, code: string, index: number) =>
  xmlId.test(code) ? `${prefix}_${code}` : `${prefix}_${index + 1}`;

interface Flow {
  id: string;
  name?: string;
  source: string;
  target: string;
}

function node(tag: string, id: string, name: string, flows: Flow[]): string {
  const refs = [
    ...flows.filter((f) => f.target === id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`),
    ...flows.filter((f) => f.source === id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`),
  ];
  return `<bpmn:${tag} id="${id}" name="${escape(name)}">${refs.join('')}</bpmn:${tag}>`;
}

/** The machine's BPMN XML (without layout) and its code → id maps. */
export function stateMachineXml(ir: StateMachineIR): StateMachineDiagram {
  const states = Object.fromEntries(ir.stateOrder.map((c, i) => [c, idFor('State', c, i)]));
  const transitions = ir.transitions.map((t, i) => ({
    code: t.code,
    elementId: idFor('Transition', t.code, i),
    fromState: t.fromState,
    toState: t.toState,
    triggerType: t.triggerType,
    enabled: t.enabled,
  }));
  const flows: Flow[] = [
    { id: 'Flow_initial', source: 'Start', target: states[ir.initialState] },
    ...transitions.map((t) => ({
      id: t.elementId,
      name: `${t.code} (${t.triggerType})`,
      source: states[t.fromState],
      target: states[t.toState],
    })),
  ];
  const body = [
    node('startEvent', 'Start', 'start', flows),
    ...ir.stateOrder.map((c) => node('task', states[c], c, flows)),
    ...flows.map(
      (f) =>
        `<bpmn:sequenceFlow id="${f.id}"${f.name ? ` name="${escape(f.name)}"` : ''} sourceRef="${f.source}" targetRef="${f.target}"/>`,
    ),
  ];
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_${escape(states[ir.initialState])}" targetNamespace="https://waymark.dev/state-machine">` +
    `<bpmn:process id="StateMachine" name="${escape(ir.code)}" isExecutable="false">${body.join('')}</bpmn:process></bpmn:definitions>`;
  const finalStates = ir.stateOrder.filter((c) => ir.states[c]?.isFinal);
  return { xml, states, transitions, finalStates };
}

/** The machine as laid-out BPMN XML (diagram interchange by bpmn-auto-layout). */
export async function stateMachineDiagram(ir: StateMachineIR): Promise<StateMachineDiagram> {
  const plain = stateMachineXml(ir);
  return { ...plain, xml: await layoutProcess(plain.xml) };
}
