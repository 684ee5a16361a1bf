/**
 * Builds the IR of a business rule task (BPMN 2.0 §10.3.3 "Business Rule Task", Camunda 8
 * flavour): `zeebe:calledDecision` (a DMN decision Waymark evaluates, binding `latest` or
 * `versionTag`) or `zeebe:taskDefinition` (a job, built as a service task's). The rule
 * `business-rule-task` has checked that exactly one is there and well-formed.
 */
import type { BusinessRuleTaskIR, JobTaskIR } from './ir';
import { readSource } from './feel-source';
import type { Located } from './model';
import { extension } from './zeebe';

type Base = Omit<BusinessRuleTaskIR, 'type' | 'calledDecision' | 'job'>;

/** The business rule task's IR; `job` builds the job form's fields. */
export function businessRuleTask(
  node: Located,
  base: Base,
  job: () => JobTaskIR,
): BusinessRuleTaskIR {
  const called = extension(node.element, 'zeebe:CalledDecision');
  if (!called) {
    const { taskType, taskQueue, retries, headers } = job();
    return {
      ...base,
      type: 'businessRuleTask',
      job: { taskType, ...(taskQueue !== undefined ? { taskQueue } : {}), retries, headers },
    };
  }
  const attrs = called as unknown as Record<string, string | undefined>;
  const decisionId = readSource(attrs.decisionId ?? '');
  const versionTag = attrs.versionTag?.trim();
  return {
    ...base,
    type: 'businessRuleTask',
    calledDecision: {
      decisionId: decisionId.isFeel ? decisionId.text : decisionId.text.trim(),
      decisionIdIsFeel: decisionId.isFeel,
      resultVariable: attrs.resultVariable?.trim() ?? '',
      bindingType: attrs.bindingType?.trim() === 'versionTag' ? 'versionTag' : 'latest',
      ...(versionTag ? { versionTag } : {}),
    },
  };
}
