// State machines in the console: the machine drawn by bpmn-js from the BPMN the API lays out
// (GET /definitions/{key}/versions/{v}/diagram: states as tasks, transitions as flows), and an
// instance's page — its current state highlighted, a button per MANUAL transition out of it
// (POST /instances/{id}/transitions/{code}; a refusal shows the 409's reason), data and the
// trail of state changes. While it runs the page polls and redraws.
import { api, enc } from './api.js';
import { Diagram } from './diagram.js';
import { h, mount, table } from './dom.js';

/** Draws a machine version; resolves with the diagram and the code → element id maps. */
export async function machineDiagram(canvas, key, version) {
  const d = await api('GET', `/definitions/${enc(key)}/versions/${version}/diagram`);
  const diagram = new Diagram(canvas);
  if (!(await diagram.show(d.xml))) return null;
  const finals = d.finalStates.map((c) => d.states[c]);
  diagram.showState(Object.values(d.states), undefined, finals);
  return { diagram, states: d.states, transitions: d.transitions, finals };
}

function transitionButtons(instance, drawn, out, refresh) {
  if (instance.status !== 'RUNNING') return [];
  const manual = drawn.transitions.filter(
    (t) => t.triggerType === 'MANUAL' && t.fromState === instance.state,
  );
  return manual.map((t) => {
    const button = h(
      'button',
      { 'data-transition': t.code, disabled: !t.enabled, title: `${t.fromState} → ${t.toState}` },
      `${t.code} → ${t.toState}`,
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      mount(out);
      try {
        await api('POST', `/instances/${enc(instance.instanceId)}/transitions/${enc(t.code)}`, {});
      } catch (err) {
        const type = err.problem?.type ? ` (${err.problem.type})` : '';
        mount(out, h('p', { className: 'error', id: 'transition-error' }, `${err.message}${type}`));
      } finally {
        // A refusal changes nothing, so nothing redraws: the button is offered again.
        button.disabled = !t.enabled;
        await refresh();
      }
    });
    return button;
  });
}

function details(instance) {
  const rows = instance.trail.map((t) => [
    t.at ?? '',
    t.transition ?? '(start)',
    `${t.fromState ?? '–'} → ${t.toState}`,
    t.trigger ?? '',
  ]);
  return h(
    'div',
    { className: 'columns' },
    h(
      'div',
      {},
      h('h2', {}, 'Data'),
      h('pre', { id: 'variables' }, JSON.stringify(instance.variables ?? {}, null, 2)),
    ),
    h(
      'div',
      {},
      h('h2', {}, 'State changes'),
      table(['At', 'Transition', 'Change', 'Trigger'], rows),
    ),
  );
}

/** The page of a state-machine instance (`instance` as GET /instances/{id} answered). */
export async function machineInstanceView(view, first, id, isCurrent) {
  let instance = first;
  const canvas = h('div', { className: 'diagram', id: 'diagram' });
  const heading = h('h1', {});
  const state = h('p', {});
  const buttons = h('p', { className: 'transitions', id: 'transitions' });
  const out = h('div', {});
  const body = h('div', {});
  const { key, version } = instance.definition;
  mount(view, heading, h('p', {}, `${key} v${version ?? '?'} · state machine`), canvas, state);
  view.append(buttons, out, body);
  const drawn = version ? await machineDiagram(canvas, key, version) : null;
  let last = '';
  const draw = () => {
    mount(heading, `${instance.instanceId} `, h('span', { id: 'status' }, instance.status));
    mount(state, 'State: ', h('strong', { id: 'current-state' }, instance.state));
    if (drawn) {
      drawn.diagram.showState(
        Object.values(drawn.states),
        drawn.states[instance.state],
        drawn.finals,
      );
      mount(buttons, transitionButtons(instance, drawn, out, refresh));
    }
    mount(body, details(instance));
  };
  async function refresh() {
    instance = await api('GET', `/instances/${enc(id)}`);
    const fp = JSON.stringify([instance.status, instance.state, instance.trail.length]);
    if (fp !== last) draw();
    last = fp;
  }
  draw();
  last = JSON.stringify([instance.status, instance.state, instance.trail.length]);
  let wait = 1000;
  while (isCurrent() && instance.status === 'RUNNING') {
    await new Promise((r) => setTimeout(r, wait));
    if (!isCurrent()) return;
    const before = last;
    await refresh().catch(() => undefined);
    wait = before === last ? Math.min(wait * 2, 8000) : 1000;
  }
}
