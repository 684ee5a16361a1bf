// Tasklist: open user tasks filtered by assignee and candidate group; a task opens its Camunda
// form (form-js viewer, the global FormViewer) — or a JSON variables field when it links no
// form — and completes with the submitted data.
import { api, enc } from './api.js';
import { h, mount, routeQuery, table } from './dom.js';

async function formOf(task) {
  try {
    const form = await api('GET', `/user-tasks/${enc(task.flowElementInstanceId)}/form`);
    return form?.schema ?? form;
  } catch {
    return null;
  }
}

async function complete(task, variables, out) {
  try {
    await api('POST', `/user-tasks/${enc(task.flowElementInstanceId)}/complete`, { variables });
    mount(out, h('p', { id: 'completed' }, `Completed ${task.name ?? task.elementId}`));
    setTimeout(() => (location.hash = `#/instance/${enc(task.instanceId)}`), 300);
  } catch (err) {
    mount(out, h('p', { className: 'error' }, err.message));
  }
}

async function openTask(task, pane) {
  const out = h('div', {});
  const container = h('div', { id: 'task-form' });
  mount(
    pane,
    h('h2', {}, task.name ?? task.elementId),
    h('p', {}, `${task.instanceId}`),
    container,
    out,
  );
  const schema = await formOf(task);
  if (schema && typeof schema === 'object' && Array.isArray(schema.components)) {
    const form = new window.FormViewer.Form({ container });
    await form.importSchema(schema, task.variables ?? {});
    const submit = h('button', { id: 'complete' }, 'Complete');
    submit.addEventListener('click', () => {
      const { data, errors } = form.submit();
      if (Object.keys(errors).length === 0) void complete(task, data, out);
    });
    container.after(submit);
    return;
  }
  const vars = h('textarea', { id: 'task-variables', rows: 4, cols: 50 }, '{}');
  const submit = h('button', { id: 'complete' }, 'Complete');
  submit.addEventListener('click', () => {
    try {
      void complete(task, JSON.parse(vars.value || '{}'), out);
    } catch (err) {
      mount(out, h('p', { className: 'error' }, err.message));
    }
  });
  mount(
    container,
    h('p', {}, 'This task links no form; variables as JSON:'),
    vars,
    h('br'),
    submit,
  );
}

export async function tasksView(view) {
  const q = routeQuery();
  const params = new URLSearchParams();
  for (const k of ['assignee', 'candidateGroup']) if (q.get(k)) params.set(k, q.get(k));
  const { items } = await api('GET', `/user-tasks?${params}`);
  const pane = h('div', { id: 'task-pane' });
  const filter = h(
    'form',
    { className: 'inline' },
    h('input', { name: 'assignee', placeholder: 'assignee', value: q.get('assignee') ?? '' }),
    h('input', {
      name: 'candidateGroup',
      placeholder: 'candidate group',
      value: q.get('candidateGroup') ?? '',
    }),
    h('button', { type: 'submit' }, 'Filter'),
  );
  filter.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(filter)) if (v) next.set(k, String(v));
    location.hash = `#/tasks?${next}`;
  });
  const rows = items.map((t) => {
    const open = h('button', { 'data-open-task': t.flowElementInstanceId }, 'Open');
    open.addEventListener('click', () => void openTask(t, pane));
    return [t.name ?? t.elementId, t.assignee ?? '', t.candidateGroups ?? '', t.instanceId, open];
  });
  mount(
    view,
    h('h1', {}, 'Tasks'),
    filter,
    table(['Task', 'Assignee', 'Groups', 'Instance', ''], rows),
    pane,
  );
  const wanted = items.find((t) => t.flowElementInstanceId === q.get('task'));
  if (wanted) await openTask(wanted, pane);
}
