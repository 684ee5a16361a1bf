/**
 * The instance as `GET /instances/{id}` answers it, and how the CLI prints it for a person:
 * status, active elements, incidents (with ids, for `incidents retry`), open user tasks, the
 * trail and the variables.
 */

export interface TrailEntry {
  elementId: string;
  name?: string;
  type: string;
  flowElementInstanceId: string;
  startedAt: string;
  endedAt: string;
}

export interface ActiveElement {
  flowElementInstanceId: string;
  elementId: string;
  name?: string;
  type?: string;
  since: string;
  status?: string;
}

export interface IncidentView {
  id: string;
  elementId: string;
  flowElementInstanceId?: string;
  message: string;
  kind?: string;
}

export interface InstanceView {
  instanceId: string;
  status: string;
  definition?: { key: string; version?: number };
  businessKey?: string;
  variables?: Record<string, unknown>;
  activeElements: ActiveElement[];
  incidents: IncidentView[];
  userTasks: { flowElementInstanceId: string; elementId: string; name?: string }[];
  trail: TrailEntry[];
  result?: Record<string, unknown>;
  error?: unknown;
  links?: { temporalUi?: string };
}

export const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'TIMED_OUT']);

export function label(e: { elementId: string; name?: string }): string {
  return e.name ? `${e.elementId} (${e.name})` : e.elementId;
}

export function incidentLine(i: IncidentView): string {
  return `incident ${i.id} at ${i.elementId}: ${i.message}`;
}

/** The whole instance, for `inspect`. */
export function renderInstance(v: InstanceView): string[] {
  const def = v.definition
    ? `${v.definition.key}${v.definition.version ? ` v${v.definition.version}` : ''}`
    : '';
  const lines = [`${v.instanceId}  ${v.status}  ${def}`.trimEnd()];
  if (v.businessKey) lines.push(`business key: ${v.businessKey}`);
  if (v.activeElements.length > 0) {
    lines.push('active:');
    for (const a of v.activeElements)
      lines.push(`  ${label(a)}  since ${a.since}${a.status === 'incident' ? '  [incident]' : ''}`);
  }
  if (v.incidents.length > 0) {
    lines.push('incidents:');
    for (const i of v.incidents) lines.push(`  ${incidentLine(i)}`);
  }
  if (v.userTasks.length > 0) {
    lines.push('user tasks:');
    for (const t of v.userTasks) lines.push(`  ${label(t)}  ${t.flowElementInstanceId}`);
  }
  lines.push(`trail (${v.trail.length}):`);
  for (const t of v.trail) lines.push(`  ${t.endedAt}  ${label(t)}`);
  lines.push(`variables: ${JSON.stringify(v.variables ?? {})}`);
  if (v.links?.temporalUi) lines.push(`temporal: ${v.links.temporalUi}`);
  return lines;
}
