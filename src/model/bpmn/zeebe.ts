/**
 * Reads the Camunda 8 (`zeebe:`) extension elements of a BPMN element: task definition,
 * headers, io mappings, script, called element, assignment, form, message subscription and
 * properties. Values are returned as written; turning them into IR (FEEL literals, defaults)
 * is the builder's job.
 */
import type { Mapping } from './ir';
import { readSource, toFeel } from './feel-source';
import type { ModdleElement } from './moddle-types';

/** The first extension element of `type` (e.g. `zeebe:TaskDefinition`) on `el`. */
export function extension(el: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return el?.extensionElements?.values?.find((v) => v.$type === type);
}

/** `zeebe:taskHeaders` as a record (later duplicates win, as in Zeebe). */
export function taskHeaders(el: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of extension(el, 'zeebe:TaskHeaders')?.values ?? []) {
    if (h.key) headers[h.key] = h.value ?? '';
  }
  return headers;
}

/** Raw `zeebe:ioMapping` parameters: `source` as written (maybe `=feel`), `target`. */
export interface RawMapping {
  source?: string;
  target?: string;
}

export function rawMappings(el: ModdleElement, direction: 'input' | 'output'): RawMapping[] {
  const io = extension(el, 'zeebe:IoMapping');
  const params = (direction === 'input' ? io?.inputParameters : io?.outputParameters) ?? [];
  return params.map((p) => ({ source: p.source, target: p.target }));
}

/**
 * IR mappings; a missing source maps `null`, as Zeebe does. A static source with `${…}`
 * placeholders (no leading `=`) is a template, as in task headers; other static sources are
 * literals.
 */
export function mappings(el: ModdleElement, direction: 'input' | 'output'): Mapping[] {
  return rawMappings(el, direction)
    .filter((m) => m.target)
    .map((m) => {
      const target = m.target as string;
      if (m.source === undefined || m.source.trim() === '') return { source: 'null', target };
      const source = readSource(m.source);
      if (!source.isFeel && source.text.includes('${'))
        return { source: source.text, target, template: true };
      return { source: toFeel(m.source), target };
    });
}

/** `zeebe:properties` as name/value pairs in document order. */
export function properties(el: ModdleElement): Array<{ name: string; value: string }> {
  return (extension(el, 'zeebe:Properties')?.properties ?? [])
    .filter((p) => p.name)
    .map((p) => ({ name: p.name as string, value: p.value ?? '' }));
}
