// Definitions: every definition with its versions, state and running instances (the key opens
// its diagram and heatmap: definition.js); deploy by dropping (or choosing) a .bpmn / .dmn /
// .json file — problems are listed and shown on the diagram at their element ids; start an
// instance with JSON variables.
import { api, enc } from './api.js';
import { Diagram } from './diagram.js';
import { h, mount, table } from './dom.js';

function contentTypeOf(name) {
  return name.toLowerCase().endsWith('.json') ? 'application/json' : 'application/xml';
}

async function showProblems(result, text, err, xml) {
  const problems = err.problem?.errors ?? [];
  const items = problems.map((p) =>
    h(
      'li',
      { 'data-element-id': p.elementId ?? '' },
      `${p.elementId ?? p.path ?? ''}: ${p.message}`,
    ),
  );
  const canvas = xml ? h('div', { className: 'diagram' }) : null;
  mount(
    result,
    h('p', { className: 'error' }, err.message),
    h('ul', { className: 'problems' }, items),
    canvas,
  );
  if (canvas) {
    const d = new Diagram(canvas);
    if (await d.show(text)) d.showProblems(problems);
  }
}

async function deployFile(file, result) {
  const text = await file.text();
  const type = contentTypeOf(file.name);
  try {
    const out = await api('POST', '/definitions?deploy=true', text, type);
    const change = out.created ? 'new version' : 'unchanged';
    mount(
      result,
      h('p', { 'data-deployed': out.key }, `Deployed ${out.key} v${out.version} (${change})`),
    );
    return true;
  } catch (err) {
    await showProblems(result, text, err, type === 'application/xml');
    return false;
  }
}

function dropZone(onDeployed) {
  const result = h('div', { id: 'deploy-result' });
  const input = h('input', { type: 'file', id: 'deploy-file', accept: '.bpmn,.dmn,.json,.xml' });
  const zone = h('div', { className: 'drop' }, 'Drop a .bpmn, .dmn or .json file here, or ', input);
  const handle = async (files) => {
    for (const f of files) if (await deployFile(f, result)) onDeployed();
  };
  input.addEventListener('change', () => void handle([...input.files]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void handle([...e.dataTransfer.files]);
  });
  return h('section', {}, zone, result);
}

function startForm(key) {
  const vars = h('input', { name: 'variables', placeholder: '{"amount": 10}', size: 30 });
  const out = h('span', {});
  const button = h('button', { type: 'submit' }, 'Start');
  const form = h('form', { className: 'inline', 'data-start': key }, vars, button, out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const variables = vars.value.trim() ? JSON.parse(vars.value) : {};
      const started = await api('POST', `/definitions/${enc(key)}/instances`, { variables });
      location.hash = `#/instance/${enc(started.instanceId)}`;
    } catch (err) {
      mount(out, h('span', { className: 'error' }, err.message));
    }
  });
  return form;
}

function row(d) {
  return [
    h('a', { href: `#/definition/${enc(d.key)}`, 'data-definition': d.key }, d.key),
    d.kind,
    String(d.latestVersion ?? ''),
    d.deployedVersion === null ? 'draft' : String(d.deployedVersion ?? ''),
    d.enabled ? 'yes' : 'no',
    d.activeInstances === null ? '?' : String(d.activeInstances),
    h('a', { href: `#/instances?definition=${enc(d.key)}` }, 'instances'),
    d.deployedVersion ? startForm(d.key) : '',
  ];
}

export async function definitionsView(view) {
  const list = h('div', { id: 'definitions' });
  const load = async () => {
    const { items } = await api('GET', '/definitions');
    const headers = ['Key', 'Kind', 'Latest', 'Deployed', 'Enabled', 'Active', '', ''];
    mount(list, table(headers, items.map(row)));
  };
  mount(
    view,
    h('h1', {}, 'Definitions'),
    dropZone(() => void load()),
    list,
  );
  await load();
}
