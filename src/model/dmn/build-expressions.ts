/**
 * Builds the IR of a DMN value expression — decision table (DMN 1.3 §8), literal expression,
 * boxed invocation and boxed context (§10.3.2) — and reports what cannot be evaluated: other
 * boxed expressions, non-FEEL expression languages, hit policies and aggregations that do not
 * fit the table, rules whose entry counts differ from the columns, FEEL that does not parse.
 */
import type { Problem } from '../bpmn/types';
import { feelError, isFeelLanguage } from './feel-check';
import type { Aggregation, DecisionOutputIR, DecisionTableIR, ExpressionIR, HitPolicy } from './ir';
import type { DmnElement } from './moddle-types';

/** What building an expression needs: where problems go, the names FEEL may use. */
export interface BuildContext {
  problems: Problem[];
  names: Record<string, unknown>;
  /** The decision or BKM the expression belongs to (problems name it when the expression has no id). */
  ownerId: string;
}

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

function report(ctx: BuildContext, el: DmnElement | undefined, rule: string, message: string) {
  ctx.problems.push({ rule, elementId: el?.id ?? ctx.ownerId, message });
}

/** FEEL text of `el` (checked), '' when absent. */
function feel(
  ctx: BuildContext,
  el: DmnElement | undefined,
  kind: 'expression' | 'unaryTests',
  what: string,
): string {
  const text = (el?.text ?? '').trim();
  if (el && !isFeelLanguage(el.expressionLanguage)) {
    report(
      ctx,
      el,
      'dmn-expression-language',
      `${what} uses expression language "${el.expressionLanguage}"; only FEEL is supported`,
    );
    return text;
  }
  const error = feelError(text, kind, ctx.names);
  if (error) report(ctx, el, 'dmn-feel-syntax', `${what} "${text}" ${error}`);
  return text;
}

/** The IR of a value expression; undefined (with a problem) when it cannot be evaluated. */
export function buildExpression(
  ctx: BuildContext,
  el: DmnElement | undefined,
): ExpressionIR | undefined {
  if (!el) {
    report(ctx, undefined, 'dmn-decision-logic', `${ctx.ownerId} has no decision logic`);
    return undefined;
  }
  switch (el.$type) {
    case 'dmn:DecisionTable':
      return buildTable(ctx, el);
    case 'dmn:LiteralExpression':
      return {
        type: 'literalExpression',
        ...idOf(el),
        text: feel(ctx, el, 'expression', 'The literal expression'),
      };
    case 'dmn:Invocation':
      return buildInvocation(ctx, el);
    case 'dmn:Context':
      return buildContext(ctx, el);
    case 'dmn:List':
      return { type: 'list', ...idOf(el), items: buildAll(ctx, el.elements ?? []) };
    case 'dmn:Relation':
      return {
        type: 'relation',
        ...idOf(el),
        columns: (el.column ?? []).map((c) => c.name ?? ''),
        rows: (el.row ?? []).map((r) => buildAll(ctx, r.elements ?? [])),
      };
    default:
      report(
        ctx,
        el,
        'dmn-decision-logic',
        `${el.$type.replace('dmn:', '')} expressions are not supported (decision tables, literal expressions, invocations, contexts, lists and relations are)`,
      );
      return undefined;
  }
}

function buildAll(ctx: BuildContext, els: DmnElement[]): ExpressionIR[] {
  return els.flatMap((e) => buildExpression(ctx, e) ?? []);
}

function idOf(el: DmnElement): { id?: string } {
  return el.id ? { id: el.id } : {};
}

function buildInvocation(ctx: BuildContext, el: DmnElement): ExpressionIR {
  const fn = (el.calledFunction?.text ?? '').trim();
  if (!fn) report(ctx, el, 'dmn-decision-logic', 'The invocation names no function');
  return {
    type: 'invocation',
    ...idOf(el),
    function: fn,
    bindings: (el.binding ?? []).map((b) => ({
      parameter: b.parameter?.name ?? '',
      expression: b.bindingFormula
        ? feel(ctx, b.bindingFormula, 'expression', 'The binding')
        : null,
    })),
  };
}

function buildContext(ctx: BuildContext, el: DmnElement): ExpressionIR {
  const entries: Array<{ name?: string; value: ExpressionIR }> = [];
  const names = { ...ctx.names };
  for (const entry of el.contextEntry ?? []) {
    const name = entry.variable?.name;
    const value = buildExpression({ ...ctx, names }, entry.value as DmnElement | undefined);
    if (value) entries.push({ ...(name ? { name } : {}), value });
    if (name) names[name] = null;
  }
  return { type: 'context', ...idOf(el), entries };
}

function buildTable(ctx: BuildContext, el: DmnElement): DecisionTableIR {
  const hitPolicy = (el.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy))
    report(ctx, el, 'dmn-hit-policy', `Hit policy "${el.hitPolicy}" is not a DMN hit policy`);
  const aggregation = el.aggregation as Aggregation | undefined;
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation))
    report(ctx, el, 'dmn-hit-policy', `Aggregation "${aggregation}" is not SUM, MIN, MAX or COUNT`);
  if (aggregation !== undefined && hitPolicy !== 'COLLECT')
    report(
      ctx,
      el,
      'dmn-hit-policy',
      `Aggregation ${aggregation} needs hit policy COLLECT, not ${hitPolicy}`,
    );
  const inputs = (el.input ?? []).map((i, n) => ({
    id: i.id ?? `input${n + 1}`,
    ...(i.label ? { label: i.label } : {}),
    expression: feel(ctx, i.inputExpression, 'expression', `Input ${i.label ?? i.id ?? n + 1}`),
    ...(i.inputValues?.text?.trim()
      ? { allowedValues: feel(ctx, i.inputValues, 'unaryTests', 'The input values') }
      : {}),
  }));
  const outputs = (el.output ?? []).map((o, n) => buildOutput(ctx, o, n));
  checkOutputs(ctx, el, hitPolicy, aggregation, outputs);
  const rules = (el.rule ?? []).map((r, n) => {
    const inputEntries = (r.inputEntry ?? []).map((e) =>
      feel(ctx, e, 'unaryTests', 'The input entry'),
    );
    const outputEntries = (r.outputEntry ?? []).map((e) =>
      feel(ctx, e, 'expression', 'The output entry'),
    );
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length)
      report(
        ctx,
        r,
        'dmn-rule-entries',
        `Rule ${n + 1} has ${inputEntries.length} input and ${outputEntries.length} output entries; the table has ${inputs.length} inputs and ${outputs.length} outputs`,
      );
    return {
      id: r.id ?? `rule${n + 1}`,
      ...(r.description ? { description: r.description } : {}),
      inputEntries,
      outputEntries,
    };
  });
  return {
    type: 'decisionTable',
    id: el.id ?? ctx.ownerId,
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs,
    outputs,
    rules,
  };
}

function buildOutput(ctx: BuildContext, o: DmnElement, n: number): DecisionOutputIR {
  const values = o.outputValues?.text?.trim()
    ? splitValues(feel(ctx, o.outputValues, 'unaryTests', 'The output values'))
    : undefined;
  return {
    id: o.id ?? `output${n + 1}`,
    ...(o.name ? { name: o.name } : {}),
    ...(o.label ? { label: o.label } : {}),
    ...(values ? { values } : {}),
    ...(o.defaultOutputEntry?.text?.trim()
      ? { defaultValue: feel(ctx, o.defaultOutputEntry, 'expression', 'The default output') }
      : {}),
  };
}

function checkOutputs(
  ctx: BuildContext,
  el: DmnElement,
  hitPolicy: HitPolicy,
  aggregation: Aggregation | undefined,
  outputs: DecisionOutputIR[],
): void {
  if (outputs.length === 0) report(ctx, el, 'dmn-outputs', 'The decision table has no output');
  if (outputs.length > 1) {
    const names = outputs.map((o) => o.name);
    if (names.some((n) => !n))
      report(ctx, el, 'dmn-outputs', 'Every output of a table with several outputs needs a name');
    if (new Set(names).size !== names.length)
      report(ctx, el, 'dmn-outputs', 'Output names must be unique');
    if (aggregation)
      report(
        ctx,
        el,
        'dmn-hit-policy',
        `Aggregation ${aggregation} needs a table with a single output`,
      );
  }
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((o) => o.values))
    report(
      ctx,
      el,
      'dmn-hit-policy',
      `Hit policy ${hitPolicy} needs output values (they define the priority order)`,
    );
}

/** Splits a comma-separated list of FEEL values (`"a", "b, c", 3`) at top-level commas. */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') {
        current += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
