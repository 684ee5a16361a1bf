/**
 * OpenAPI paths of the console's read-only views of a definition version (routes/heatmap.ts):
 * the heatmap aggregated from a bounded sample of its instances, and a state machine's
 * diagram as laid-out BPMN XML.
 */
import { heatmapQuerySchema } from '../routes/heatmap';
import type { Json } from './common';
import { errors, ok, pathParam, problemResponse, queryParams } from './common';

const idOrKey = pathParam('idOrKey', 'Definition id (uuid) or key');
const ref = {
  type: 'object',
  properties: { id: { type: 'string' }, key: { type: 'string' }, version: { type: 'integer' } },
};

const heatmap: Json = {
  type: 'object',
  properties: {
    definition: ref,
    sampled: { type: 'integer', description: 'Instances read and aggregated' },
    total: {
      type: 'integer',
      description: 'Instances of the version (continued-as-new runs excluded)',
    },
    truncated: { type: 'boolean', description: 'More instances than the sample limit' },
    unreadable: { type: 'integer', description: 'Listed but did not answer their query in time' },
    sampleLimit: { type: 'integer', description: 'WAYMARK_HEATMAP_SAMPLE' },
    trailDropped: { type: 'integer', description: 'Trail entries the bounded trails dropped' },
    elements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['elementId', 'entered', 'completed', 'active', 'incidents', 'instances'],
        properties: {
          elementId: { type: 'string' },
          entered: { type: 'integer', description: 'Visits: completed + active' },
          completed: { type: 'integer' },
          active: { type: 'integer', description: 'Tokens there now' },
          incidents: { type: 'integer', description: 'Open incidents on it' },
          instances: { type: 'integer', description: 'Sampled instances that entered it' },
          avgMs: { type: 'integer', description: 'Mean time of a completed visit' },
          p50Ms: { type: 'integer', description: 'Median time of a completed visit' },
        },
      },
    },
  },
};

const diagram: Json = {
  type: 'object',
  properties: {
    definition: ref,
    xml: { type: 'string', description: 'BPMN 2.0 XML with diagram interchange (display only)' },
    states: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'State code → element id',
    },
    transitions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          elementId: { type: 'string' },
          fromState: { type: 'string' },
          toState: { type: 'string' },
          triggerType: { type: 'string' },
          enabled: { type: 'boolean' },
        },
      },
    },
    finalStates: { type: 'array', items: { type: 'string' } },
  },
};

export function heatmapPaths(): Json {
  return {
    '/definitions/{idOrKey}/heatmap': {
      parameters: [idOrKey],
      get: {
        summary:
          'Per element: visits, tokens now, incidents and time spent, over a sample of instances',
        description:
          'Aggregated from the newest WAYMARK_HEATMAP_SAMPLE instances of the version (open and closed, one per workflow: continued-as-new runs excluded), each read with its instance query, WAYMARK_HEATMAP_CONCURRENCY at a time.',
        parameters: queryParams(heatmapQuerySchema),
        responses: {
          '200': ok('The heatmap', heatmap),
          '400': errors['400'],
          '401': errors['401'],
          '404': problemResponse('No such definition or version'),
        },
      },
    },
    '/definitions/{idOrKey}/versions/{v}/diagram': {
      parameters: [idOrKey, pathParam('v', 'Version number (a positive integer; else 400)')],
      get: {
        summary:
          "A state machine's states and transitions as BPMN XML, laid out by bpmn-auto-layout",
        responses: {
          '200': ok('The diagram and the code → element id maps', diagram),
          ...errors,
          '404': problemResponse('No such definition or version'),
          '422': problemResponse('Not a state machine (a BPMN version is its own diagram)'),
        },
      },
    },
  };
}
