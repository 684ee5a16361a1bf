/**
 * Hit policies (DMN 1.3 §8.2.11): how the matching rules of a decision table become its
 * result. Single-hit policies — UNIQUE (more than one match is an error), ANY (matches must
 * agree), FIRST (rule order), PRIORITY (highest priority by the output values' order) —
 * give one output; multiple-hit policies give a list — RULE ORDER, OUTPUT ORDER (by
 * decreasing priority, ties in rule order), COLLECT (rule order) — or, for COLLECT with an
 * aggregator, its SUM, MIN, MAX or COUNT (of every match, as Camunda counts). An output is
 * its value for a single-output table, else a context of the outputs by name. No match:
 * the outputs' default entries when the table has them, else null (single hit), [] (list),
 * null (SUM/MIN/MAX) or 0 (COUNT).
 */
import type { DecisionTableIR } from '../../model/dmn/ir';
import { toJson } from '../feel';
import { DecisionError, feelValue, type FeelContext } from './feel-eval';

/** A matching rule and its evaluated outputs (by output name). */
export interface Hit {
  ruleId: string;
  /** 1-based position in the table. */
  ruleIndex: number;
  outputs: Record<string, unknown>;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
}

function outputOf(hit: Hit): unknown {
  const values = Object.values(hit.outputs);
  return values.length === 1 ? values[0] : hit.outputs;
}

/** Per hit, its priority vector: per output with values, the index of its value (lower = higher). */
function priorities(table: DecisionTableIR, hits: Hit[], context: FeelContext): number[][] {
  const lists = table.outputs.map((o) =>
    o.values?.map((v) => feelValue(v, context, `output values of ${o.name ?? o.id}`)),
  );
  return hits.map((hit) => {
    const values = Object.values(hit.outputs);
    return lists.flatMap((list, i) => {
      if (!list) return [];
      const at = list.findIndex((v) => same(v, values[i]));
      return [at < 0 ? list.length : at];
    });
  });
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function byPriority(table: DecisionTableIR, hits: Hit[], context: FeelContext): Hit[] {
  const p = priorities(table, hits, context);
  return hits
    .map((hit, i) => ({ hit, p: p[i], i }))
    .sort((x, y) => compare(x.p, y.p) || x.i - y.i)
    .map((x) => x.hit);
}

function defaults(table: DecisionTableIR, context: FeelContext): unknown {
  if (!table.outputs.some((o) => o.defaultValue !== undefined)) return undefined;
  const outputs: Record<string, unknown> = {};
  for (const o of table.outputs)
    outputs[o.name ?? o.label ?? o.id] = feelValue(o.defaultValue ?? '', context, 'default output');
  return outputOf({ ruleId: '', ruleIndex: 0, outputs });
}

function aggregate(table: DecisionTableIR, hits: Hit[]): unknown {
  const values = hits.map(outputOf).filter((v) => v !== null && v !== undefined);
  if (table.aggregation === 'COUNT') return values.length;
  if (values.length === 0) return null;
  if (!values.every((v) => typeof v === 'number'))
    throw new DecisionError(
      `hit policy COLLECT ${table.aggregation}: every output must be a number, got ${JSON.stringify(values.map(toJson))}`,
    );
  const numbers = values as number[];
  if (table.aggregation === 'SUM') return numbers.reduce((s, n) => s + n, 0);
  return table.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

function rules(hits: Hit[]): string {
  return hits.map((h) => `${h.ruleId} (#${h.ruleIndex})`).join(', ');
}

/** The table's result and the hits it kept (in the order that made the result). */
export function applyHitPolicy(
  table: DecisionTableIR,
  hits: Hit[],
  context: FeelContext,
): { value: unknown; kept: Hit[] } {
  const single = !['COLLECT', 'RULE ORDER', 'OUTPUT ORDER'].includes(table.hitPolicy);
  if (hits.length === 0) {
    const d = defaults(table, context);
    if (single) return { value: d ?? null, kept: [] };
    if (table.aggregation) return { value: table.aggregation === 'COUNT' ? 0 : null, kept: [] };
    return { value: d === undefined ? [] : [d], kept: [] };
  }
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (hits.length > 1)
        throw new DecisionError(`hit policy UNIQUE: ${hits.length} rules matched: ${rules(hits)}`);
      return { value: outputOf(hits[0]), kept: hits };
    case 'ANY':
      if (hits.some((h) => !same(outputOf(h), outputOf(hits[0]))))
        throw new DecisionError(
          `hit policy ANY: the matching rules ${rules(hits)} have different outputs`,
        );
      return { value: outputOf(hits[0]), kept: [hits[0]] };
    case 'FIRST':
      return { value: outputOf(hits[0]), kept: [hits[0]] };
    case 'PRIORITY': {
      const top = byPriority(table, hits, context)[0];
      return { value: outputOf(top), kept: [top] };
    }
    case 'OUTPUT ORDER': {
      const sorted = byPriority(table, hits, context);
      return { value: sorted.map(outputOf), kept: sorted };
    }
    case 'RULE ORDER':
      return { value: hits.map(outputOf), kept: hits };
    case 'COLLECT':
      return { value: table.aggregation ? aggregate(table, hits) : hits.map(outputOf), kept: hits };
  }
}
