/**
 * What Camunda Modeler writes when a user applies an element template to a service task and
 * fills in its fields: the template's bindings turned into `zeebe:taskDefinition`,
 * `zeebe:ioMapping` inputs and `zeebe:taskHeaders`, with `zeebe:modelerTemplate` naming it.
 * Hidden properties take their fixed value, others the value given (else the template's
 * default); an optional property left empty is omitted, a required one is an error.
 */

export interface TemplateProperty {
  id?: string;
  type: string;
  value?: string;
  optional?: boolean;
  binding: { type: string; name?: string; key?: string; property?: string };
}

export interface ElementTemplate {
  id: string;
  version?: number;
  properties: TemplateProperty[];
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Bindings {
  definition: Record<string, string>;
  inputs: [string, string][];
  headers: [string, string][];
}

function collect(template: ElementTemplate, values: Record<string, string>): Bindings {
  const out: Bindings = { definition: {}, inputs: [], headers: [] };
  for (const p of template.properties) {
    const value = p.type === 'Hidden' ? p.value : (values[p.id ?? ''] ?? p.value);
    if (value === undefined || value === '') {
      if (p.optional || p.type === 'Hidden') continue;
      throw new Error(`template ${template.id}: property '${p.id}' needs a value`);
    }
    const b = p.binding;
    if (b.type === 'zeebe:taskDefinition') out.definition[b.property ?? 'type'] = value;
    else if (b.type === 'zeebe:input') out.inputs.push([b.name ?? '', value]);
    else if (b.type === 'zeebe:taskHeader') out.headers.push([b.key ?? '', value]);
    else
      throw new Error(`template ${template.id}: binding ${b.type} is not applied by this helper`);
  }
  return out;
}

/** A one-task process (`start → Task_1 → end`) whose task is the template applied with `values`. */
export function processFromTemplate(
  processId: string,
  template: ElementTemplate,
  values: Record<string, string>,
): string {
  const b = collect(template, values);
  const definition = Object.entries(b.definition)
    .map(([k, v]) => `${k}="${xml(v)}"`)
    .join(' ');
  const inputs = b.inputs.map(([t, s]) => `<zeebe:input source="${xml(s)}" target="${t}" />`);
  const headers = b.headers.map(([k, v]) => `<zeebe:header key="${k}" value="${xml(v)}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_1" name="Templated" zeebe:modelerTemplate="${template.id}" zeebe:modelerTemplateVersion="${template.version ?? 1}">
      <bpmn:extensionElements>
        <zeebe:taskDefinition ${definition} />
        ${inputs.length > 0 ? `<zeebe:ioMapping>${inputs.join('')}</zeebe:ioMapping>` : ''}
        ${headers.length > 0 ? `<zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>` : ''}
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>
`;
}
