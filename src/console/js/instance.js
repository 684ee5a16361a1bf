// One instance: its diagram with the completed path, active tokens (count badges) and
// incidents (message + Retry), variables (editable while a BPMN instance runs: variables.js),
// the trail as a timeline, open user tasks, a link to the Temporal Web UI and Cancel. While it
// runs the page polls (1 s, backing off to 8 s while nothing changes) and redraws without a
// reload. A state machine's instance has its own page (state-machine.js).
import { api, enc } from './api.js';
import { Diagram } from './diagram.js';
import { h, mount, table } from './dom.js';
import { machineInstanceView } from './state-machine.js';
import { VariablesPanel } from './variables.js';

function fingerprint(i) {
  return JSON.stringify([i.status, i.trail.length, i.activeElements, i.incidents, i.variables]);
}

function actions(instance, refresh) {
  const out = h('span', {});
  const cancel = h('button', { id: 'cancel' }, 'Cancel instance');
  cancel.addEventListener('click', async () => {
    try {
      await api('POST', `/instances/${enc(instance.instanceId)}/cancel`);
      refresh();
    } catch (err) {
      mount(out, h('span', { className: 'error' }, err.message));
    }
  });
  const ui = instance.links?.temporalUi
    ? h('a', { href: instance.links.temporalUi, target: '_blank' }, 'Open in Temporal Web UI')
    : null;
  return h('p', {}, instance.status === 'RUNNING' ? cancel : null, ' ', ui, out);
}

function incidentRows(instance, refresh) {
  return instance.incidents.map((i) => {
    const retry = h('button', { 'data-retry': i.id }, 'Retry');
    retry.addEventListener('click', async () => {
      retry.disabled = true;
      try {
        await api('POST', `/instances/${enc(instance.instanceId)}/incidents/${enc(i.id)}/retry`);
      } finally {
        refresh();
      }
    });
    return [i.elementId, h('span', { className: 'error' }, i.message), i.kind ?? '', retry];
  });
}

function details(instance, refresh, variables) {
  const trail = h(
    'ol',
    { className: 'timeline', id: 'trail' },
    instance.trail.map((t) =>
      h('li', { 'data-element-id': t.elementId }, `${t.endedAt} ${t.name ?? t.elementId}`),
    ),
  );
  const tasks = instance.userTasks.map((t) => [
    t.name ?? t.elementId,
    h('a', { href: `#/tasks?task=${enc(t.flowElementInstanceId)}` }, 'open in tasklist'),
  ]);
  return h(
    'div',
    {},
    h('h2', {}, 'Incidents'),
    instance.incidents.length
      ? table(['Element', 'Message', 'Kind', ''], incidentRows(instance, refresh))
      : h('p', {}, 'none'),
    h('h2', {}, 'User tasks'),
    tasks.length ? table(['Task', ''], tasks) : h('p', {}, 'none'),
    h(
      'div',
      { className: 'columns' },
      h('div', {}, h('h2', {}, 'Variables'), variables.update(instance)),
      h('div', {}, h('h2', {}, 'Trail'), trail),
    ),
  );
}

export async function instanceView(view, id, isCurrent) {
  let instance = await api('GET', `/instances/${enc(id)}`);
  if (instance.state !== undefined) return machineInstanceView(view, instance, id, isCurrent);
  const canvas = h('div', { className: 'diagram', id: 'diagram' });
  // The status appears with the first draw, so it never claims a state the diagram has not shown yet.
  const status = h('h1', {}, `${instance.instanceId} `);
  const body = h('div', {});
  mount(
    view,
    status,
    h('p', {}, `${instance.definition.key} v${instance.definition.version ?? '?'}`),
    canvas,
    body,
  );
  let diagram = null;
  if (instance.definition.version) {
    const xml = await api(
      'GET',
      `/definitions/${enc(instance.definition.key)}/versions/${instance.definition.version}`,
    ).catch(() => null);
    if (typeof xml === 'string' && xml.includes('definitions')) {
      diagram = new Diagram(canvas);
      if (!(await diagram.show(xml))) diagram = null;
    }
  }
  let wait = 1000;
  let last = '';
  const variables = new VariablesPanel(() => refresh().catch(() => undefined));
  const draw = () => {
    mount(status, `${instance.instanceId} `, h('span', { id: 'status' }, instance.status));
    diagram?.showInstance(instance);
    // Moving the panel into the new body blurs a field being typed in: give its focus back.
    const focus = variables.focus();
    mount(body, actions(instance, refresh), details(instance, refresh, variables));
    variables.restore(focus);
  };
  async function refresh() {
    instance = await api('GET', `/instances/${enc(id)}`);
    const fp = fingerprint(instance);
    wait = fp === last ? Math.min(wait * 2, 8000) : 1000;
    if (fp !== last) draw();
    last = fp;
  }
  draw();
  last = fingerprint(instance);
  while (isCurrent() && instance.status === 'RUNNING') {
    await new Promise((r) => setTimeout(r, wait));
    if (!isCurrent()) return;
    await refresh().catch(() => undefined);
  }
}
