/**
 * `${…}` placeholders in a static `zeebe:input` source (no leading `=`) are templates, as in
 * task headers: compiled to a template mapping, evaluated against the variables at activation
 * (`processInstanceData` aliases them). A lone placeholder keeps its value's type; text around
 * placeholders renders a string; a static source without placeholders stays a literal.
 */
import { compileBpmn } from '../../src/model/bpmn';
import { proc } from './support/builder';
import { Sim } from './support/sim';

const xml = (source: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="noop" />
      <zeebe:ioMapping><zeebe:input source="${source}" target="customerId" /></zeebe:ioMapping>
    </bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

async function inputsOf(source: string) {
  const r = await compileBpmn(xml(source));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.ir.elements.t.inputs;
}

describe('compiling zeebe:input sources', () => {
  it('a static source with a placeholder is a template', async () => {
    expect(await inputsOf('${processInstanceData.customer.id}')).toEqual([
      { source: '${processInstanceData.customer.id}', target: 'customerId', template: true },
    ]);
  });
  it('a static source without placeholders stays a FEEL literal; =FEEL stays FEEL', async () => {
    expect(await inputsOf('C-1')).toEqual([{ source: '"C-1"', target: 'customerId' }]);
    expect(await inputsOf('=&quot;${x}&quot;')).toEqual([
      { source: '"${x}"', target: 'customerId' },
    ]);
  });
});

describe('evaluating template inputs', () => {
  const run = (source: string, variables: Record<string, unknown>) => {
    const ir = proc()
      .start('s')
      .serviceTask('t', {
        type: 'noop',
        inputs: [{ source, target: 'customerId', template: true }],
      })
      .end('e')
      .build();
    const sim = new Sim(ir, variables);
    const [cmd] = sim.last;
    return { sim, cmd };
  };

  it('a lone placeholder answers the value, its type kept (processInstanceData aliases)', () => {
    const { cmd } = run('${processInstanceData.customer.id}', { customer: { id: 42 } });
    expect(cmd).toMatchObject({ type: 'scheduleTask', variables: { customerId: 42 } });
  });
  it('text around placeholders renders a string, null as empty', () => {
    const { cmd } = run('cust-${customer.id}-${missing}', { customer: { id: 'c-7' } });
    expect(cmd).toMatchObject({ variables: { customerId: 'cust-c-7-' } });
  });
  it('an unterminated placeholder is an expression incident naming the mapping', () => {
    const { sim } = run('${customer.id', { customer: { id: 1 } });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ elementId: 't', kind: 'expression' });
    expect(incident.message).toContain("mapping 'customerId'");
  });
});
