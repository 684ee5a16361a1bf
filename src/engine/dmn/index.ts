/**
 * The DMN evaluator's public API: `evaluateDecision(ir, variables)` evaluates the decision
 * (or decision service) a DMN IR is keyed by, with its required decisions first, and returns
 * its result, the rules that matched and every decision evaluated, as plain JSON.
 *
 * Deterministic by construction: a pure function of the IR, the variables and `now` (FEEL's
 * `now()`/`today()` answer it), with no I/O and no clock, so it may run in the workflow
 * sandbox as well as in an activity. Errors are data (`{ ok: false, error, decisionId }`):
 * a hit-policy violation, disallowed input values, FEEL that does not parse.
 */
import type { DmnIR } from '../../model/dmn/ir';
import { toJson } from '../feel';
import type { EpochMs, Variables } from '../types';
import type { EvaluatedInput } from './decision-table';
import { DrgEvaluation, type EvaluatedDecision, type MatchedRule } from './drg';
import { DecisionError, clockFunctions } from './feel-eval';

export type { EvaluatedDecision, EvaluatedInput, MatchedRule };

export interface DecisionReport {
  decisionId: string;
  decisionName: string;
  result: unknown;
  inputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

export type DecisionOutcome =
  | {
      ok: true;
      /** The key decision's (or decision service's) result. */
      result: unknown;
      /** The rules of the key decision that made the result. */
      matchedRules: MatchedRule[];
      /** Every decision evaluated, required decisions first. */
      evaluatedDecisions: DecisionReport[];
    }
  | { ok: false; error: string; decisionId: string };

export interface DecisionOptions {
  /** Epoch ms answered by FEEL `now()` / `today()`; without it they return null. */
  now?: EpochMs;
}

function report(d: EvaluatedDecision): DecisionReport {
  return {
    decisionId: d.decisionId,
    decisionName: d.decisionName,
    result: toJson(d.value),
    inputs: d.inputs.map((i) => ({ ...i, value: toJson(i.value) })),
    matchedRules: d.matchedRules.map((r) => ({ ...r, outputs: toJson(r.outputs) as Variables })),
  };
}

/** Evaluates the decision `ir` is keyed by over `variables` (see the module comment). */
export function evaluateDecision(
  ir: DmnIR,
  variables: Variables,
  options: DecisionOptions = {},
): DecisionOutcome {
  const evaluation = new DrgEvaluation(ir, { ...clockFunctions(options.now), ...variables });
  try {
    let result: unknown;
    if (ir.service) {
      const outputs = ir.service.outputDecisions.map(
        (id) => [ir.decisions[id]?.variable ?? id, evaluation.decide(id)] as const,
      );
      result = outputs.length === 1 ? outputs[0][1] : Object.fromEntries(outputs);
    } else result = evaluation.decide(ir.decisionId);
    const reports = evaluation.evaluated.map(report);
    const own = reports.find((r) => r.decisionId === ir.decisionId);
    return {
      ok: true,
      result: toJson(result),
      matchedRules: own?.matchedRules ?? [],
      evaluatedDecisions: reports,
    };
  } catch (err) {
    if (err instanceof DecisionError)
      return { ok: false, error: err.message, decisionId: err.decisionId ?? ir.decisionId };
    throw err;
  }
}
