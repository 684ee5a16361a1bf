/**
 * Rule `loop-characteristics`: an activity's multi-instance or standard loop characteristics
 * (BPMN 2.0 §10.3.8, §13.2.2–13.2.3; Camunda 8 `zeebe:loopCharacteristics`) can be run.
 * A multi-instance needs exactly one of `inputCollection` and `bpmn:loopCardinality` (a static
 * cardinality is a whole number ≥ 1); `inputElement` needs an `inputCollection`;
 * `outputCollection` and `outputElement` come together; variable names are plain names. BPMN
 * data associations (`loopDataInputRef`, `inputDataItem`) are refused by name; behaviour events
 * must be signals, escalations or errors that match `behavior` (`loop-behavior.ts`). A standard
 * loop needs a `loopCondition` or a `loopMaximum`, and `loopMaximum` is a whole number ≥ 1.
 * Every FEEL expression parses.
 */
import { feelSyntaxError } from '../feel-source';
import { behaviorProblems } from '../loop-behavior';
import { MULTI_INSTANCE, STANDARD_LOOP, readLoop, type RawLoop, type RawValue } from '../loop';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'loop-characteristics';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Multi-instance and loop characteristics are complete and well-formed.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element } of allNodes(ctx)) {
      const loop = readLoop(element);
      if (!loop) continue;
      const report = (message: string) => problems.push(problemAt(id, element, message));
      if (loop.type === MULTI_INSTANCE) multiInstance(loop, report);
      else if (loop.type === STANDARD_LOOP) standardLoop(loop, report);
      else report(`${loop.type} is not supported`);
    }
    return problems;
  },
};

type Report = (message: string) => void;

function multiInstance(loop: RawLoop, report: Report): void {
  const { inputCollection, loopCardinality } = loop;
  if (!inputCollection && !loopCardinality)
    report(
      'Its multi-instance needs an inputCollection (zeebe:loopCharacteristics) or a loopCardinality',
    );
  if (inputCollection && loopCardinality)
    report('Its multi-instance has both an inputCollection and a loopCardinality; use one');
  if (loop.inputElement && !inputCollection) report('Its inputElement needs an inputCollection');
  if (loop.outputCollection && !loop.outputElement)
    report('Its outputCollection needs an outputElement');
  if (loop.outputElement && !loop.outputCollection)
    report('Its outputElement needs an outputCollection');
  for (const [what, name] of [
    ['inputElement', loop.inputElement],
    ['outputCollection', loop.outputCollection],
  ] as const) {
    if (name !== undefined && !NAME.test(name))
      report(`Its ${what} "${name}" is not a variable name`);
  }
  if (loopCardinality && !loopCardinality.isFeel) {
    const n = Number(loopCardinality.text);
    if (!Number.isInteger(n) || n < 1)
      report(`Its loopCardinality "${loopCardinality.text}" is not a whole number of at least 1`);
  }
  if (hasData(loop.element))
    report(
      'BPMN data associations on a multi-instance (loopDataInputRef, inputDataItem, …) are not supported; use zeebe:loopCharacteristics inputCollection and inputElement',
    );
  for (const problem of behaviorProblems(loop.element)) report(problem);
  checkFeel(report, [
    ['inputCollection', inputCollection],
    ['loopCardinality', loopCardinality?.isFeel ? loopCardinality : undefined],
    ['outputElement', loop.outputElement],
    ['completionCondition', loop.completionCondition],
  ]);
}

function standardLoop(loop: RawLoop, report: Report): void {
  if (!loop.loopCondition && loop.loopMaximum === undefined)
    report('Its standard loop needs a loopCondition or a loopMaximum (it would never end)');
  if (
    loop.loopMaximum !== undefined &&
    !(Number.isInteger(loop.loopMaximum) && loop.loopMaximum >= 1)
  )
    report('Its loopMaximum is not a whole number of at least 1');
  checkFeel(report, [['loopCondition', loop.loopCondition]]);
}

function hasData(el: ModdleElement): boolean {
  return ['loopDataInputRef', 'loopDataOutputRef', 'inputDataItem', 'outputDataItem'].some(
    (name) => Reflect.get(el, name) !== undefined,
  );
}

function checkFeel(report: Report, values: Array<[string, RawValue | undefined]>): void {
  for (const [what, v] of values) {
    if (!v) continue;
    const error = feelSyntaxError(v.text);
    if (error) report(`Its ${what} "${v.text}" ${error}`);
  }
}
