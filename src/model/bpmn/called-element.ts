/**
 * The process a call activity calls, as written: `zeebe:calledElement processId` (static or
 * `=feel`, Camunda 8), else the plain BPMN attribute `calledElement` (BPMN 2.0.2 §10.3.6
 * "Call Activity": the id of the called process), read as the called process id — what
 * Camunda 7 and other engines do with it. With both, the zeebe extension wins, as in Camunda 8.
 */
import type { ModdleElement } from './moddle-types';
import { extension } from './zeebe';

/** Where the called process id came from, and its raw text (may start with `=`). */
export interface CalledElementSource {
  from: 'zeebe' | 'bpmn';
  raw: string;
}

/** The called process id of a call activity, or undefined when it names none. */
export function calledElementOf(el: ModdleElement): CalledElementSource | undefined {
  const zeebe = extension(el, 'zeebe:CalledElement')?.processId;
  if (zeebe !== undefined && zeebe.trim() !== '') return { from: 'zeebe', raw: zeebe };
  const plain: unknown = Reflect.get(el, 'calledElement');
  if (typeof plain === 'string' && plain.trim() !== '') return { from: 'bpmn', raw: plain.trim() };
  return undefined;
}
