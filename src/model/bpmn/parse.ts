/**
 * Parses BPMN XML with bpmn-moddle and the zeebe extension package, and turns what moddle
 * reports into problems: XML that is not well-formed (rule `xml-well-formed`, with line and
 * column), content moddle drops — unknown BPMN types (rule `bpmn-schema`) and duplicate ids
 * (rule `duplicate-id`), both with position — and references that do not resolve (kept for
 * the rules). Unknown attributes and unknown extension elements are warnings: moddle ignores
 * them and so does the engine.
 */
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleWarning } from 'bpmn-moddle';
import zeebeJson from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ModdleElement } from './moddle-types';
import type { Problem, UnresolvedReference } from './types';

export interface ParseOutcome {
  definitions?: ModdleElement;
  problems: Problem[];
  warnings: Problem[];
  unresolved: UnresolvedReference[];
}

const moddle = new BpmnModdle({ zeebe: zeebeJson });

/** Parses `xml`; never throws. `definitions` is absent when the XML cannot be read at all. */
export async function parseBpmnXml(xml: string): Promise<ParseOutcome> {
  const outcome: ParseOutcome = { problems: [], warnings: [], unresolved: [] };
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    outcome.problems.push({
      rule: 'xml-well-formed',
      message: `The XML cannot be read: ${describe(message)}`,
      ...position(message),
    });
    return outcome;
  }
  outcome.definitions = result.rootElement as ModdleElement;
  for (const warning of result.warnings) classify(warning, outcome);
  return outcome;
}

/**
 * The id of `el`, or of its nearest ancestor with one: elements such as loop characteristics
 * have no id of their own, and a problem must still name the element the modeler can find.
 */
function nearestId(el: ModdleElement | undefined): string | undefined {
  for (let at = el; at; at = at.$parent) if (at.id) return at.id;
  return undefined;
}

function classify(warning: ModdleWarning, outcome: ParseOutcome): void {
  const { message } = warning;
  const elementId = nearestId(warning.element as ModdleElement | undefined);
  const unresolved = /^unresolved reference <(.*)>$/.exec(message);
  if (unresolved) {
    const property = warning.property ?? '';
    // Diagram interchange is ignored, and incoming/outgoing lists are recomputed from the flows.
    if (
      property.startsWith('bpmndi:') ||
      property === 'bpmn:incoming' ||
      property === 'bpmn:outgoing'
    ) {
      outcome.warnings.push({
        rule: 'bpmn-schema',
        elementId,
        message: `Ignored reference ${property}="${unresolved[1]}" that names no element`,
      });
    } else {
      outcome.unresolved.push({ elementId, property, ref: unresolved[1] });
    }
    return;
  }
  if (message.startsWith('unparsable content')) {
    const duplicate = /^unparsable content <([^>]+)>[\s\S]*duplicate ID <([^>]+)>/.exec(message);
    if (duplicate) {
      outcome.problems.push(duplicateId(duplicate[1], duplicate[2], message));
      return;
    }
    // Moddle drops content it cannot read: unknown BPMN types are errors, unknown extension
    // elements (a newer zeebe schema, another vendor) are ignored.
    const unknownType = /unknown type <([^>]+)>/.exec(message);
    const foreign = unknownType !== null && !unknownType[1].startsWith('bpmn:');
    const problem: Problem = {
      rule: 'bpmn-schema',
      message: describe(message),
      ...position(message),
    };
    if (foreign)
      outcome.warnings.push({
        ...problem,
        message: `Unknown extension element ${unknownType[1]} is ignored`,
      });
    else outcome.problems.push(problem);
    return;
  }
  const attribute = /^unknown attribute <(.*)>$/.exec(message);
  if (attribute) {
    outcome.warnings.push({
      rule: 'bpmn-schema',
      elementId,
      message: `Unknown attribute ${attribute[1]} is ignored`,
    });
    return;
  }
  outcome.warnings.push({
    rule: 'bpmn-schema',
    elementId,
    message: describe(message),
    ...position(message),
  });
}

/**
 * Rule `duplicate-id`: an id identifies one element of the file (BPMN 2.0.2 §8.3.1 "Base
 * Element": id is unique), and every reference resolves through it. Moddle keeps the first
 * element with an id and drops any later one with its content, so the later one is reported.
 */
function duplicateId(tag: string, id: string, message: string): Problem {
  return {
    rule: 'duplicate-id',
    elementId: id,
    message: `Id ${id} is already used by an earlier element; ids must be unique, and this element would be dropped (${tag} ${id})`,
    ...position(message),
  };
}

/** Moddle's messages carry `line: n column: m`, both 0-based; problems are 1-based. */
function position(message: string): { line?: number; column?: number } {
  const m = /line: (\d+)\s+column: (\d+)/.exec(message);
  return m ? { line: Number(m[1]) + 1, column: Number(m[2]) + 1 } : {};
}

/** The first line of a moddle message plus its nested cause. */
function describe(message: string): string {
  const first = message.split('\n')[0].trim();
  const nested = /nested error: (.*)/.exec(message);
  return nested ? `${first} (${nested[1].trim()})` : first;
}
