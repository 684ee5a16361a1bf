/**
 * `waymark.evaluateDecision`: the business rule task's activity. It resolves the decision
 * named by the task's `decisionId` header — the latest deployed version now (Camunda binding
 * `latest`), or the latest with the `versionTag` header — and evaluates it over the task's
 * variables with the deterministic DMN evaluator (src/engine/dmn). It returns the result,
 * the version used and the matched rules, so the history records exactly what was decided.
 * A missing decision or a failed evaluation is a non-retryable failure (an incident); a
 * registry fault is thrown plainly and retried.
 */
import { ApplicationFailure } from '@temporalio/common';
import { evaluateDecision, type MatchedRule } from '../src/engine/dmn';
import type { DmnIR } from '../src/model/dmn/ir';
import type { TaskInput } from './task-input';

/** A decision version as the lookup finds it, or why there is none. */
export type FoundDecision =
  | { ok: true; definition: { id: string; key: string }; version: number; ir: DmnIR }
  | { ok: false; message: string };

/** Resolves a decision key under a binding (the registry, in the worker). */
export type DecisionLookup = (
  key: string,
  binding: { versionTag?: string },
) => Promise<FoundDecision>;

export interface DecisionTaskResult {
  result: unknown;
  decision: { id: string; key: string; version: number };
  matchedRules: MatchedRule[];
}

/** Builds the activity over a lookup (without one, every call fails as not configured). */
export function createEvaluateDecision(lookup: DecisionLookup | undefined) {
  return async function evaluateDecisionTask(input: TaskInput): Promise<DecisionTaskResult> {
    const { decisionId, bindingType, versionTag } = input.headers;
    if (!lookup)
      throw ApplicationFailure.nonRetryable(
        `decision '${decisionId}': this worker has no decision registry`,
        'DecisionNotFound',
      );
    const binding = bindingType === 'versionTag' ? { versionTag } : {};
    const found = await lookup(decisionId, binding);
    if (!found.ok)
      throw ApplicationFailure.nonRetryable(
        `decision '${decisionId}': ${found.message}`,
        'DecisionNotFound',
      );
    const outcome = evaluateDecision(found.ir, input.variables, { now: Date.now() });
    const where = `decision '${decisionId}' version ${found.version}`;
    if (!outcome.ok)
      throw ApplicationFailure.nonRetryable(
        `${where} failed: ${outcome.error}`,
        'DecisionEvaluationFailed',
      );
    return {
      result: outcome.result,
      decision: { id: found.definition.id, key: found.definition.key, version: found.version },
      matchedRules: outcome.matchedRules,
    };
  };
}
