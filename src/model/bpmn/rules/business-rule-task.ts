/**
 * Rule `business-rule-task`: a business rule task (BPMN 2.0 §10.3.3) has exactly one of
 * `zeebe:calledDecision` (a decision id — static or FEEL that parses — and a result
 * variable; binding `latest`, or `versionTag` with a version tag) and `zeebe:taskDefinition`
 * (checked like a service task's). Binding `deployment` is refused: Waymark deploys each file
 * on its own, so there is no "same deployment" to bind to.
 */
import { feelSyntaxError, readSource } from '../feel-source';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { extension } from '../zeebe';
import { nodesOfType, problemAt } from './helpers';
import { checkTask } from './service-task-type';

const id = 'business-rule-task';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Business rule tasks call a decision or name a job type.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:BusinessRuleTask').flatMap((n) => checkRuleTask(n.element));
  },
};

function checkRuleTask(el: ModdleElement): Problem[] {
  const called = extension(el, 'zeebe:CalledDecision');
  const job = extension(el, 'zeebe:TaskDefinition');
  if (called && job)
    return [
      problemAt(id, el, 'It has both zeebe:calledDecision and zeebe:taskDefinition; use one'),
    ];
  if (job) return checkTask(el);
  if (!called)
    return [
      problemAt(
        id,
        el,
        'It needs a zeebe:calledDecision (a DMN decision) or a zeebe:taskDefinition',
      ),
    ];
  return checkCalled(el, called as unknown as Record<string, string | undefined>);
}

function checkCalled(el: ModdleElement, attrs: Record<string, string | undefined>): Problem[] {
  const problems: Problem[] = [];
  const decision = readSource(attrs.decisionId ?? '');
  if (decision.text.trim() === '')
    problems.push(problemAt(id, el, 'Its zeebe:calledDecision needs a decisionId'));
  else if (decision.isFeel) {
    const error = feelSyntaxError(decision.text);
    if (error) problems.push(problemAt(id, el, `Its decisionId "=${decision.text}" ${error}`));
  }
  if (!attrs.resultVariable?.trim())
    problems.push(problemAt(id, el, 'Its zeebe:calledDecision needs a resultVariable'));
  const binding = attrs.bindingType?.trim() ?? 'latest';
  if (binding === 'deployment')
    problems.push(
      problemAt(id, el, 'bindingType "deployment" is not supported: use "latest" or "versionTag"'),
    );
  else if (binding !== 'latest' && binding !== 'versionTag')
    problems.push(
      problemAt(id, el, `bindingType "${binding}" is not latest, versionTag or deployment`),
    );
  if (binding === 'versionTag' && !attrs.versionTag?.trim())
    problems.push(problemAt(id, el, 'bindingType "versionTag" needs a versionTag'));
  return problems;
}
