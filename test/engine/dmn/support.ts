/**
 * Builds small DMN documents for evaluator tests: decision tables from rows of FEEL text,
 * literal-expression decisions, required decisions. Compiled with the real DMN compiler.
 */
import { compileDmn } from '../../../src/model/dmn';
import type { DmnIR } from '../../../src/model/dmn/ir';

export const DMN_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface TableSpec {
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  inputValues?: Record<number, string>;
  outputs: Array<{ name: string; values?: string; default?: string }>;
  /** One row per rule: input entries, then output entries. */
  rules: string[][];
}

export interface DecisionSpec {
  id: string;
  name?: string;
  requires?: string[];
  knowledge?: string[];
  table?: TableSpec;
  literal?: string;
}

function tableXml(t: TableSpec, p: string): string {
  const hp = t.hitPolicy ? ` hitPolicy="${t.hitPolicy}"` : '';
  const ag = t.aggregation ? ` aggregation="${t.aggregation}"` : '';
  const inputs = t.inputs
    .map((e, i) => {
      const values = t.inputValues?.[i]
        ? `<inputValues><text>${esc(t.inputValues[i])}</text></inputValues>`
        : '';
      return `<input id="${p}in${i}" label="${esc(e)}"><inputExpression id="${p}ie${i}"><text>${esc(e)}</text></inputExpression>${values}</input>`;
    })
    .join('');
  const outputs = t.outputs
    .map((o, i) => {
      const values = o.values ? `<outputValues><text>${esc(o.values)}</text></outputValues>` : '';
      const def = o.default
        ? `<defaultOutputEntry><text>${esc(o.default)}</text></defaultOutputEntry>`
        : '';
      return `<output id="${p}out${i}" name="${o.name}">${values}${def}</output>`;
    })
    .join('');
  const rules = t.rules
    .map((row, r) => {
      const ins = row
        .slice(0, t.inputs.length)
        .map((c) => `<inputEntry><text>${esc(c)}</text></inputEntry>`);
      const outs = row
        .slice(t.inputs.length)
        .map((c) => `<outputEntry><text>${esc(c)}</text></outputEntry>`);
      return `<rule id="${p}r${r + 1}">${ins.join('')}${outs.join('')}</rule>`;
    })
    .join('');
  return `<decisionTable id="${p}table"${hp}${ag}>${inputs}${outputs}${rules}</decisionTable>`;
}

function decisionXml(d: DecisionSpec, n: number): string {
  // Ids are unique per document: the first decision's are plain, later ones prefixed.
  const p = n === 0 ? '' : `${d.id}_`;
  const reqs = (d.requires ?? [])
    .map((r) => `<informationRequirement><requiredDecision href="#${r}"/></informationRequirement>`)
    .join('');
  const know = (d.knowledge ?? [])
    .map((k) => `<knowledgeRequirement><requiredKnowledge href="#${k}"/></knowledgeRequirement>`)
    .join('');
  const logic = d.table
    ? tableXml(d.table, p)
    : `<literalExpression><text>${esc(d.literal ?? 'null')}</text></literalExpression>`;
  return `<decision id="${d.id}" name="${d.name ?? d.id}">${reqs}${know}${logic}</decision>`;
}

/** A DMN document with these decisions (and any extra DRG elements as XML). */
export function dmnXml(decisions: DecisionSpec[], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${DMN_NS}" id="drg" name="Test" namespace="http://waymark.test/dmn">${decisions.map((d, n) => decisionXml(d, n)).join('')}${extra}</definitions>`;
}

/** Compiles and returns the IR keyed by `key` (the first decision by default); throws on problems. */
export async function compileOne(xml: string, key?: string): Promise<DmnIR> {
  const r = await compileDmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const ir = key ? r.decisions.find((d) => d.decisionId === key) : r.decisions[0];
  if (!ir) throw new Error(`no decision ${key}`);
  return ir;
}

/** A one-decision table IR. */
export function tableIr(table: TableSpec): Promise<DmnIR> {
  return compileOne(dmnXml([{ id: 'd', table }]));
}
