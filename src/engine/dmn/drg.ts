/**
 * The decision requirements graph at evaluation time (DMN 1.3 §6.3, §10.4 "Execution
 * semantics of decision services"): a decision's required decisions are evaluated first
 * (each once per evaluation, in requirement order), and their results join its context
 * under the decision's variable name and its id; the business knowledge models it requires
 * are FEEL functions under their names, whose bodies see their parameters and the BKMs they
 * require. Every evaluated decision is recorded, required ones first.
 */
import type { BusinessKnowledgeModelIR, DmnIR } from '../../model/dmn/ir';
import type { EvaluatedInput } from './decision-table';
import { evaluateExpression, type KnowledgeCall } from './expression';
import { DecisionError, type FeelContext } from './feel-eval';
import { FeelFunction } from 'feelin';

/** A matched rule as the evaluation reports it. */
export interface MatchedRule {
  ruleId: string;
  ruleIndex: number;
  outputs: Record<string, unknown>;
}

/** One decision evaluated (raw FEEL values; `index.ts` converts them to JSON). */
export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  value: unknown;
  inputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

/** Evaluates decisions of one IR over one input context, each at most once. */
export class DrgEvaluation {
  readonly evaluated: EvaluatedDecision[] = [];
  private readonly results = new Map<string, unknown>();
  private readonly active = new Set<string>();

  constructor(
    private readonly ir: DmnIR,
    private readonly input: FeelContext,
  ) {}

  /** The value of decision `id` (evaluating what it requires first). */
  decide(id: string): unknown {
    if (this.results.has(id)) return this.results.get(id);
    const decision = this.ir.decisions[id];
    if (!decision) throw new DecisionError(`no decision '${id}' in the DRG`, id);
    if (this.active.has(id)) throw new DecisionError(`decision '${id}' requires itself`, id);
    this.active.add(id);
    const context: FeelContext = { ...this.input };
    for (const req of decision.requiredDecisions) {
      const value = this.decide(req);
      const required = this.ir.decisions[req];
      context[req] = value;
      if (required) context[required.variable] = value;
    }
    Object.assign(context, this.knowledge(decision.requiredKnowledge));
    let outcome;
    try {
      outcome = evaluateExpression(decision.logic, context, this.caller(context));
    } catch (err) {
      if (err instanceof DecisionError && err.decisionId === undefined)
        throw new DecisionError(`decision '${id}': ${err.message}`, id);
      throw err;
    }
    this.active.delete(id);
    this.results.set(id, outcome.value);
    this.evaluated.push({
      decisionId: id,
      decisionName: decision.name,
      value: outcome.value,
      inputs: outcome.table?.inputs ?? [],
      matchedRules: (outcome.table?.matched ?? []).map((h) => ({ ...h })),
    });
    return outcome.value;
  }

  /** The BKMs `ids` as FEEL functions by name. */
  private knowledge(ids: string[]): FeelContext {
    const out: FeelContext = {};
    for (const id of ids) {
      const bkm = this.ir.knowledgeModels[id];
      if (!bkm) throw new DecisionError(`no business knowledge model '${id}' in the DRG`);
      out[bkm.name] = new FeelFunction(
        (...args: unknown[]) =>
          this.invoke(bkm, Object.fromEntries(bkm.parameters.map((p, i) => [p, args[i] ?? null]))),
        bkm.parameters,
      );
    }
    return out;
  }

  private invoke(bkm: BusinessKnowledgeModelIR, args: Record<string, unknown>): unknown {
    const context: FeelContext = {
      ...this.input,
      ...this.knowledge(bkm.requiredKnowledge),
      ...args,
    };
    return evaluateExpression(bkm.body, context, this.caller(context)).value;
  }

  /** How a boxed invocation calls a BKM visible in `context`. */
  private caller(context: FeelContext): KnowledgeCall {
    return (name, args) => {
      const bkm = Object.values(this.ir.knowledgeModels).find((k) => k.name === name);
      if (!bkm || !(name in context))
        throw new DecisionError(
          `the invocation calls '${name}', which is not a required business knowledge model`,
        );
      return this.invoke(bkm, args);
    };
  }
}
