/**
 * Parses DMN XML with dmn-moddle (DMN 1.3). DMN 1.2, 1.4 and 1.5 documents use the same
 * elements for everything Waymark evaluates, under other namespace URIs; they are read as
 * DMN 1.3 by mapping those URIs first. XML that cannot be read is a `xml-well-formed`
 * problem; elements moddle does not know are `dmn-schema` problems naming their parent.
 */
import { DmnModdle } from 'dmn-moddle';
import type { Problem } from '../bpmn/types';
import type { DmnElement } from './moddle-types';

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const DMNDI13 = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';

/** Namespace URIs of other DMN versions → their DMN 1.3 equivalent. */
const NAMESPACES: ReadonlyArray<readonly [string, string]> = [
  ['http://www.omg.org/spec/DMN/20180521/MODEL/', DMN13],
  ['https://www.omg.org/spec/DMN/20211108/MODEL/', DMN13],
  ['https://www.omg.org/spec/DMN/20230324/MODEL/', DMN13],
  ['http://www.omg.org/spec/DMN/20180521/DMNDI/', DMNDI13],
  ['https://www.omg.org/spec/DMN/20211108/DMNDI/', DMNDI13],
  ['https://www.omg.org/spec/DMN/20230324/DMNDI/', DMNDI13],
];

/** Every DMN model namespace URI Waymark reads. */
export const DMN_NAMESPACES: readonly string[] = [DMN13, ...NAMESPACES.map(([from]) => from)];

const moddle = new DmnModdle();

export interface DmnParseOutcome {
  definitions?: DmnElement;
  problems: Problem[];
}

/** True when `xml` is a DMN document (its text declares a DMN model namespace). */
export function looksLikeDmn(xml: string): boolean {
  return DMN_NAMESPACES.some((ns) => xml.includes(`"${ns}"`) || xml.includes(`'${ns}'`));
}

/** Parses `xml`; never throws. */
export async function parseDmnXml(xml: string): Promise<DmnParseOutcome> {
  let text = xml;
  for (const [from, to] of NAMESPACES) text = text.split(`"${from}"`).join(`"${to}"`);
  try {
    const result = await moddle.fromXML(text, 'dmn:Definitions');
    const problems: Problem[] = [];
    for (const w of result.warnings) {
      if (/^unknown attribute/.test(w.message)) continue;
      problems.push({
        rule: 'dmn-schema',
        ...(w.element?.id ? { elementId: w.element.id } : {}),
        message: w.message,
      });
    }
    return { definitions: result.rootElement as DmnElement, problems };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      problems: [{ rule: 'xml-well-formed', message: `The XML cannot be read: ${message}` }],
    };
  }
}
