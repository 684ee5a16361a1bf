// Instances: filter by definition, status, business key, incident and active element; paged
// with the API's nextPageToken.
import { api, enc } from './api.js';
import { h, mount, routeQuery, table } from './dom.js';

const STATUSES = ['', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED'];

function filterForm(q) {
  const field = (name, placeholder) => h('input', { name, placeholder, value: q.get(name) ?? '' });
  const status = h(
    'select',
    { name: 'status' },
    STATUSES.map((s) =>
      h('option', { value: s, selected: q.get('status') === s }, s || 'any status'),
    ),
  );
  const incident = h(
    'label',
    {},
    h('input', { type: 'checkbox', name: 'incident', checked: q.get('incident') === 'true' }),
    ' incidents only',
  );
  const form = h(
    'form',
    { className: 'inline' },
    field('definition', 'definition'),
    status,
    field('businessKey', 'business key'),
    field('element', 'active element'),
    incident,
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form))
      if (v) next.set(k, k === 'incident' ? 'true' : String(v));
    location.hash = `#/instances?${next}`;
  });
  return form;
}

function row(i) {
  return [
    h('a', { href: `#/instance/${enc(i.instanceId)}` }, i.instanceId),
    i.incident ? `${i.status} (incident)` : i.status,
    `${i.definition.key}${i.definition.version ? ` v${i.definition.version}` : ''}`,
    i.businessKey ?? '',
    i.startedAt ?? '',
    (i.activeElements ?? []).join(', '),
  ];
}

export async function instancesView(view) {
  const q = routeQuery();
  const api_q = new URLSearchParams();
  for (const k of ['definition', 'status', 'businessKey', 'nextPageToken'])
    if (q.get(k)) api_q.set(k, q.get(k));
  api_q.set('pageSize', '50');
  const page = await api('GET', `/instances?${api_q}`);
  // Incident and active-element filters apply to the page the API returned.
  const items = page.items.filter(
    (i) =>
      (q.get('incident') !== 'true' || i.incident) &&
      (!q.get('element') || (i.activeElements ?? []).includes(q.get('element'))),
  );
  const more = page.nextPageToken
    ? h(
        'a',
        {
          href: `#/instances?${new URLSearchParams({ ...Object.fromEntries(q), nextPageToken: page.nextPageToken })}`,
        },
        'next page →',
      )
    : null;
  mount(
    view,
    h('h1', {}, 'Instances'),
    filterForm(q),
    table(
      ['Instance', 'Status', 'Definition', 'Business key', 'Started', 'Active'],
      items.map(row),
    ),
    more,
  );
}
