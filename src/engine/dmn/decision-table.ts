/**
 * Decision tables (DMN 1.3 §8.2, §8.3): the input expressions are evaluated once, each rule
 * matches when every input entry's unary tests hold for its input (`-` matches anything),
 * and the output entries of matching rules are evaluated. The hit policy (`hit-policy.ts`)
 * turns the matches into the result. An input value outside the input's allowed values is
 * an error (null inputs pass: they are missing data, not a wrong value).
 */
import type { DecisionTableIR } from '../../model/dmn/ir';
import { applyHitPolicy, type Hit } from './hit-policy';
import { DecisionError, feelTest, feelValue, type FeelContext } from './feel-eval';

/** One evaluated input of the table (for the evaluation report). */
export interface EvaluatedInput {
  inputId: string;
  inputName?: string;
  value: unknown;
}

export interface TableOutcome {
  value: unknown;
  inputs: EvaluatedInput[];
  /** The rules that matched, in rule order (each with its outputs), as the hit policy kept them. */
  matched: Hit[];
}

function inputValues(table: DecisionTableIR, context: FeelContext): EvaluatedInput[] {
  return table.inputs.map((input, n) => {
    const name = input.label ?? input.expression;
    const value = feelValue(input.expression, context, `input ${name}`);
    if (input.allowedValues && value !== null && value !== undefined) {
      if (!feelTest(input.allowedValues, value, context, `input values of ${name}`))
        throw new DecisionError(
          `input ${name} is ${JSON.stringify(value)}, not one of its input values ${input.allowedValues}`,
        );
    }
    return { inputId: input.id || `input${n + 1}`, inputName: name, value };
  });
}

/** Evaluates `table` over `context`. */
export function evaluateTable(table: DecisionTableIR, context: FeelContext): TableOutcome {
  const inputs = inputValues(table, context);
  const hits: Hit[] = [];
  table.rules.forEach((rule, index) => {
    const matches = rule.inputEntries.every((entry, i) =>
      feelTest(entry, inputs[i]?.value ?? null, context, `rule ${index + 1} input entry`),
    );
    if (!matches) return;
    const outputs: Record<string, unknown> = {};
    table.outputs.forEach((output, i) => {
      outputs[outputKey(table, i)] = feelValue(
        rule.outputEntries[i] ?? '',
        context,
        `rule ${index + 1} output entry`,
      );
    });
    hits.push({ ruleId: rule.id, ruleIndex: index + 1, outputs });
  });
  const { value, kept } = applyHitPolicy(table, hits, context);
  return { value, inputs, matched: kept };
}

/** The name an output's value is known by (its name, else its label, else its id). */
export function outputKey(table: DecisionTableIR, i: number): string {
  const o = table.outputs[i];
  return o.name ?? o.label ?? o.id;
}
