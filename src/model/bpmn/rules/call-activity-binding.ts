/**
 * Rule `call-activity-binding` (warning): Waymark resolves a call activity's process when the
 * call starts, to the latest deployed version of its key — Camunda 8's default
 * `bindingType="latest"` (BPMN 2.0.2 §10.3.6 leaves the version to the engine). A
 * `zeebe:calledElement bindingType` of `deployment` or `versionTag` (Camunda 8.6+, unknown to
 * the schema Waymark reads, so otherwise silently dropped) is reported: it runs as `latest`.
 */
import type { Rule } from '../types';
import { extension } from '../zeebe';
import { nodesOfType, problemAt } from './helpers';

const id = 'call-activity-binding';

export const rule: Rule = {
  id,
  severity: 'warning',
  description: 'Call activities bind to the latest deployed version.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:CallActivity').flatMap(({ element }) => {
      const called = extension(element, 'zeebe:CalledElement');
      // Moddle keeps an attribute its schema lacks as a plain property of the element.
      const raw: unknown = called ? Reflect.get(called, 'bindingType') : undefined;
      const binding = typeof raw === 'string' ? raw.trim() : '';
      if (binding === '' || binding === 'latest') return [];
      return [
        problemAt(
          id,
          element,
          `Its bindingType "${binding}" is not supported; it calls the latest deployed version of the process`,
        ),
      ];
    });
  },
};
