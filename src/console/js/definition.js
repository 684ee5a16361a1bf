// One definition: its diagram for a chosen version (a version selector) with the heatmap of
// that version's instances — per element a badge with its visits, coloured by count, tokens
// there now and the time spent in its title (GET /definitions/{key}/heatmap). A state machine
// is drawn from its states and transitions (GET …/versions/{v}/diagram), its heat on its states.
import { api, enc } from './api.js';
import { Diagram } from './diagram.js';
import { h, mount, routeQuery } from './dom.js';
import { machineDiagram } from './state-machine.js';

function versionSelect(def, chosen) {
  const select = h(
    'select',
    { id: 'version' },
    def.versions.map((v) =>
      h(
        'option',
        { value: v.version, selected: v.version === chosen },
        `v${v.version} (${v.status})`,
      ),
    ),
  );
  select.addEventListener('change', () => {
    location.hash = `#/definition/${enc(def.key)}?version=${select.value}`;
  });
  return select;
}

/** The diagram of the version; for a state machine also its code → element id map. */
async function drawVersion(canvas, def, version) {
  if (def.kind === 'state-machine') return machineDiagram(canvas, def.key, version);
  const xml = await api('GET', `/definitions/${enc(def.key)}/versions/${version}`);
  const diagram = new Diagram(canvas);
  return (await diagram.show(xml)) ? { diagram } : null;
}

function summary(heat) {
  const parts = [`${heat.sampled} of ${heat.total} instances sampled`];
  if (heat.truncated) parts.push(`newest ${heat.sampleLimit} only`);
  if (heat.unreadable) parts.push(`${heat.unreadable} did not answer`);
  if (heat.trailDropped) parts.push(`${heat.trailDropped} old trail entries not counted`);
  return parts.join(' · ');
}

export async function definitionView(view, key) {
  const def = await api('GET', `/definitions/${enc(key)}`);
  const asked = Number(routeQuery().get('version'));
  const version = asked || def.deployedVersion || def.latestVersion;
  const canvas = h('div', { className: 'diagram', id: 'diagram' });
  const heatInfo = h('p', { className: 'heat-legend', id: 'heat-summary' }, 'loading heatmap…');
  mount(
    view,
    h('h1', {}, `${def.key} `, h('small', {}, def.kind)),
    h(
      'p',
      {},
      'Version ',
      versionSelect(def, version),
      ' ',
      h('a', { href: `#/instances?definition=${enc(def.key)}` }, 'instances'),
    ),
    canvas,
    heatInfo,
  );
  if (!version) return mount(heatInfo, 'no versions');
  const drawn = await drawVersion(canvas, def, version);
  const heat = await api('GET', `/definitions/${enc(def.key)}/heatmap?version=${version}`);
  mount(heatInfo, summary(heat), ' — badge: visits; colour: pale (few) to red (most)');
  const ids = drawn?.states ?? {};
  drawn?.diagram.showHeatmap(
    heat.elements.map((e) => ({ ...e, elementId: ids[e.elementId] ?? e.elementId })),
  );
}
