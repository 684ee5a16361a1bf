// The diagram of a model (bpmn-js NavigatedViewer, loaded as the global BpmnJS): imports the
// XML and marks it up — completed path, active tokens with count badges, incidents with their
// message, deploy problems at their element ids, a version's heatmap (visit badges coloured by
// count, times in their title), a state machine's current state.
import { h } from './dom.js';

export class Diagram {
  constructor(container) {
    this.container = container;
    this.viewer = new window.BpmnJS({ container });
    this.overlayIds = [];
  }

  /** Imports the XML; resolves false (and says so in the container) when it cannot be shown. */
  async show(xml) {
    try {
      await this.viewer.importXML(xml);
      this.viewer.get('canvas').zoom('fit-viewport');
      return true;
    } catch (err) {
      this.container.append(h('p', { className: 'error' }, `diagram: ${err.message}`));
      return false;
    }
  }

  has(id) {
    return Boolean(this.viewer.get('elementRegistry').get(id));
  }

  mark(id, cls) {
    if (this.has(id)) this.viewer.get('canvas').addMarker(id, cls);
  }

  unmark(id, cls) {
    if (this.has(id)) this.viewer.get('canvas').removeMarker(id, cls);
  }

  overlay(id, node, position = { top: -12, right: 12 }) {
    if (!this.has(id)) return;
    this.overlayIds.push(this.viewer.get('overlays').add(id, { position, html: node }));
  }

  /** Clears badges and notes from an earlier state (markers are only ever added). */
  clearOverlays() {
    const overlays = this.viewer.get('overlays');
    for (const o of this.overlayIds) overlays.remove(o);
    this.overlayIds = [];
  }

  /** Marks an instance: trail → completed (and the flows between visited elements), tokens, incidents. */
  showInstance(instance) {
    this.clearOverlays();
    const visited = new Set(instance.trail.map((t) => t.elementId));
    for (const id of visited) this.mark(id, 'completed');
    const counts = new Map();
    for (const a of instance.activeElements)
      counts.set(a.elementId, (counts.get(a.elementId) ?? 0) + 1);
    for (const [id, n] of counts) {
      visited.add(id);
      this.mark(id, 'active');
      this.overlay(id, h('span', { className: 'badge', 'data-token-count': id }, String(n)));
    }
    for (const c of this.viewer
      .get('elementRegistry')
      .filter((e) => e.type === 'bpmn:SequenceFlow')) {
      const bo = c.businessObject;
      if (visited.has(bo.sourceRef?.id) && visited.has(bo.targetRef?.id))
        this.mark(c.id, 'completed');
    }
    for (const i of instance.incidents) {
      this.mark(i.elementId, 'incident');
      this.overlay(i.elementId, h('div', { className: 'incident-note' }, i.message), {
        bottom: -8,
        left: 0,
      });
    }
  }

  /** Marks deploy problems at their elements. */
  showProblems(problems) {
    for (const p of problems) {
      if (!p.elementId) continue;
      this.mark(p.elementId, 'problem');
      this.overlay(p.elementId, h('div', { className: 'incident-note' }, p.message), {
        bottom: -8,
        left: 0,
      });
    }
  }

  /** A heatmap: per element a badge with its visits, coloured from pale (few) to red (most). */
  showHeatmap(elements) {
    this.clearOverlays();
    const max = Math.max(1, ...elements.map((e) => e.entered));
    for (const e of elements) {
      const heat = e.entered / max;
      const badge = h(
        'span',
        {
          className: 'heat',
          'data-heat-count': e.elementId,
          'data-heat-active': e.active,
          title: heatTitle(e),
          style: `background: hsl(${Math.round(50 - 50 * heat)}, 90%, ${Math.round(75 - 30 * heat)}%)`,
        },
        String(e.entered),
        e.active ? h('small', {}, ` · ${e.active} now`) : null,
      );
      this.overlay(e.elementId, badge, { bottom: 8, left: -8 });
    }
  }

  /** A state machine: the current state highlighted (and no other), final states marked. */
  showState(stateIds, currentId, finalIds = []) {
    for (const id of stateIds) this.unmark(id, 'current-state');
    for (const id of finalIds) this.mark(id, 'final-state');
    if (currentId) this.mark(currentId, 'current-state');
  }
}

const ms = (n) => (n === undefined ? '–' : n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);

function heatTitle(e) {
  return [
    `${e.elementId}: entered ${e.entered} (${e.instances} instances), completed ${e.completed}`,
    `active ${e.active}, incidents ${e.incidents}`,
    `time spent: avg ${ms(e.avgMs)}, median ${ms(e.p50Ms)}`,
  ].join('\n');
}
