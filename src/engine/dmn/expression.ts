/**
 * Evaluates one DMN value expression over a FEEL context: a decision table
 * (`decision-table.ts`), a literal expression, a boxed invocation of a business knowledge
 * model (DMN 1.3 §10.3.2.9: bindings evaluated, the BKM called with them by name) or a boxed
 * context (§10.3.2.3: entries in order, each seeing the earlier ones; the unnamed entry is
 * the result, else the context itself), a boxed list (§10.3.2.5) or a relation (§10.3.2.6).
 */
import type { ExpressionIR } from '../../model/dmn/ir';
import { evaluateTable, type TableOutcome } from './decision-table';
import { DecisionError, feelValue, type FeelContext } from './feel-eval';

/** An expression's value, and the table outcome when it was a decision table. */
export interface ExpressionOutcome {
  value: unknown;
  table?: TableOutcome;
}

/** A business knowledge model as the evaluator calls it: by name, with named arguments. */
export type KnowledgeCall = (name: string, args: Record<string, unknown>) => unknown;

export function evaluateExpression(
  expr: ExpressionIR,
  context: FeelContext,
  call: KnowledgeCall,
): ExpressionOutcome {
  switch (expr.type) {
    case 'decisionTable': {
      const table = evaluateTable(expr, context);
      return { value: table.value, table };
    }
    case 'literalExpression':
      return { value: feelValue(expr.text, context, 'literal expression') };
    case 'invocation': {
      const args: Record<string, unknown> = {};
      for (const b of expr.bindings)
        args[b.parameter] =
          b.expression === null ? null : feelValue(b.expression, context, `binding ${b.parameter}`);
      return { value: call(expr.function, args) };
    }
    case 'context': {
      const scope: FeelContext = { ...context };
      const result: Record<string, unknown> = {};
      for (const entry of expr.entries) {
        const { value } = evaluateExpression(entry.value, scope, call);
        if (entry.name === undefined) return { value };
        scope[entry.name] = value;
        result[entry.name] = value;
      }
      return { value: result };
    }
    case 'list':
      return { value: expr.items.map((item) => evaluateExpression(item, context, call).value) };
    case 'relation':
      return {
        value: expr.rows.map((row) =>
          Object.fromEntries(
            expr.columns.map((c, i) => [
              c,
              row[i] ? evaluateExpression(row[i], context, call).value : null,
            ]),
          ),
        ),
      };
    default:
      throw new DecisionError(`unsupported expression ${(expr as { type: string }).type}`);
  }
}
