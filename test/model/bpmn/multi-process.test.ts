/**
 * Several executable processes in one BPMN file: each compiles to an IR of its own (the
 * definition keyed by its process id), non-executable pools are ignored, and a problem in any
 * process fails the whole file, naming the process and the element.
 */
import { compileBpmn } from '../../../src/model/bpmn';
import { compileFixture, readFixture } from './fixtures';

describe('a file with several executable processes', () => {
  it('compiles every executable process, in document order, and ignores the others', async () => {
    // given a collaboration of three executable pools and a documentation pool
    const result = await compileFixture('multi-process/order-fulfilment');
    // then each executable process has its IR; the first is also `ir`
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      expect.objectContaining({ rule: 'process-not-executable', elementId: 'mp-customer' }),
    ]);
    expect(result.processes?.map((p) => p.processId)).toEqual([
      'mp-order',
      'mp-shipping',
      'mp-audit',
    ]);
    expect(result.ir).toBe(result.processes?.[0]);
    // and the untyped task of the non-executable pool is nowhere
    expect(JSON.stringify(result.processes)).not.toContain('Task_Customer_Pays');
    // and the call activities call their siblings
    expect(result.ir.elements.Call_Shipping).toMatchObject({ processId: 'mp-shipping' });
    expect(result.ir.elements.Call_Audit).toMatchObject({
      processId: 'mp-audit',
      processIdIsFeel: false,
    });
  });

  it('fails as a whole when any process has a problem, naming process and element', async () => {
    // given the same collaboration with a problem in two of its processes
    const result = await compileFixture('multi-process/two-invalid');
    // then nothing compiles, and every problem says where it is
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        rule: 'service-task-type',
        elementId: 'Task_Untyped',
        processId: 'mpx-shipping',
      }),
      expect.objectContaining({
        rule: 'call-activity-process-id',
        elementId: 'Call_Audit',
        processId: 'mpx-order',
      }),
    ]);
  });

  it('still needs one executable process', async () => {
    // given the collaboration with every pool marked non-executable
    const xml = readFixture('multi-process/order-fulfilment').replace(
      /isExecutable="true"/g,
      'isExecutable="false"',
    );
    // then each process is named as not executable
    const result = await compileBpmn(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.rule, p.elementId])).toEqual([
      ['executable-process-required', 'mp-order'],
      ['executable-process-required', 'mp-shipping'],
      ['executable-process-required', 'mp-audit'],
      ['executable-process-required', 'mp-customer'],
    ]);
  });
});
