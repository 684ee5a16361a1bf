/**
 * `bpmn-schema` and `xml-well-formed`: reported by the parser (src/model/bpmn/parse.ts) rather
 * than a rule file, because they come from moddle itself; positions are 1-based.
 */
import { compileBpmn } from '../../../../src/model/bpmn';
import { compileFixture, problemsOf, readFixture } from '../fixtures';

describe('bpmn-schema', () => {
  it('reports an unknown BPMN element type with its position', async () => {
    // given a process containing <bpmn:fooTask id="Foo_1"/> on line 10
    const result = await compileFixture('invalid/bpmn-schema');
    // then the compile fails with the unknown type and its line
    expect(result.ok).toBe(false);
    const [problem] = problemsOf(result, 'bpmn-schema');
    expect(problem.message).toMatch(/bpmn:FooTask/);
    expect(problem).toMatchObject({ line: 10, column: 5 });
  });

  it('only warns about unknown attributes and unknown extension elements', async () => {
    // given a valid model with a foreign attribute and an unknown zeebe element
    const xml = readFixture('service-task-noop')
      .replace('<bpmn:serviceTask id="Task_Noop"', '<bpmn:serviceTask id="Task_Noop" color="red"')
      .replace('<zeebe:taskDefinition', '<zeebe:somethingNew /><zeebe:taskDefinition');
    // when compiled, then it succeeds with two warnings
    const result = await compileBpmn(xml);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.warnings.map((w) => w.rule)).toEqual(['bpmn-schema', 'bpmn-schema']);
  });
});

describe('xml-well-formed', () => {
  it('reports malformed XML with line and column', async () => {
    // given a closing tag that does not match on line 11, column 5
    const result = await compileFixture('invalid/xml-well-formed');
    // then exactly one problem carries that position
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          rule: 'xml-well-formed',
          message: expect.stringMatching(/closing tag mismatch/),
          line: 11,
          column: 5,
        },
      ],
    });
  });

  it('reports text that is not XML at all', async () => {
    const result = await compileBpmn('this is not xml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ rule: 'xml-well-formed', line: 1, column: 1 });
  });
});
