/**
 * `waymark templates integration <key>`: writes a Camunda Modeler element template for one
 * deployed integration workflow, with one input-mapping property per input it declares
 * (`zeebe:input` named after the input, FEEL, required inputs not optional), the integration
 * key fixed and the result variable editable. The generic templates in `elementTemplates/`
 * cannot know an integration's inputs; this one is made from its deployed IR.
 */
import type { CliContext } from '../context';
import { CliFailure, EXIT } from '../exit-codes';

const SCHEMA =
  'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

interface InputDecl {
  type: string;
  required: boolean;
  description?: string;
}

interface IntegrationVersion {
  key: string;
  ir: { name?: string; description?: string; inputs: Record<string, InputDecl> };
}

interface DefinitionInfo {
  key: string;
  kind: string;
  deployedVersion: number | null;
}

function inputProperty(name: string, decl: InputDecl) {
  const hint = decl.description ? `${decl.description} ` : '';
  return {
    id: `input.${name}`,
    label: name,
    description: `${hint}(${decl.type}${decl.required ? ', required' : ''}) A FEEL expression.`,
    group: 'input',
    type: 'String',
    feel: 'required',
    ...(decl.required ? { constraints: { notEmpty: true } } : { optional: true }),
    binding: { type: 'zeebe:input', name },
  };
}

/** The element template for an integration, from its IR. */
export function integrationTemplate(v: IntegrationVersion): Record<string, unknown> {
  const name = v.ir.name ?? v.key;
  return {
    $schema: SCHEMA,
    name: `${name} (Waymark integration)`,
    id: `io.waymark.integration.${v.key}`,
    version: 1,
    description:
      v.ir.description ?? `Runs the integration workflow '${v.key}' as a child workflow.`,
    category: { id: 'waymark', name: 'Waymark' },
    appliesTo: ['bpmn:Task', 'bpmn:ServiceTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'input', label: 'Input mapping' },
      { id: 'output', label: 'Output' },
    ],
    properties: [
      {
        type: 'Hidden',
        value: 'integration',
        binding: { type: 'zeebe:taskDefinition', property: 'type' },
      },
      { type: 'Hidden', value: v.key, binding: { type: 'zeebe:taskHeader', key: 'workflow' } },
      ...Object.entries(v.ir.inputs).map(([n, d]) => inputProperty(n, d)),
      {
        id: 'resultKey',
        label: 'Result variable',
        description: 'Where the output is stored (merged into the process variables when empty).',
        group: 'output',
        type: 'String',
        optional: true,
        binding: { type: 'zeebe:taskHeader', key: 'resultKey' },
      },
    ],
  };
}

export async function integrationTemplateCommand(ctx: CliContext, key: string): Promise<void> {
  const enc = encodeURIComponent(key);
  const def = await ctx.client.request<DefinitionInfo>('GET', `/definitions/${enc}`);
  const version = def.deployedVersion;
  if (def.kind !== 'integration' || version === null)
    throw new CliFailure(
      `'${key}' is not a deployed integration workflow (kind ${def.kind})`,
      EXIT.refused,
    );
  const v = await ctx.client.request<IntegrationVersion>(
    'GET',
    `/definitions/${enc}/versions/${version}?format=ir`,
  );
  const template = integrationTemplate(v);
  // The template is the output in both modes: it is meant to be redirected to a file.
  ctx.out.result(template, () => JSON.stringify(template, null, 2));
}
