/** Rule `process-not-executable`: see src/model/bpmn/rules/process-not-executable.ts; fixture test/fixtures/bpmn/multi-process/order-fulfilment.bpmn. */
import { compileFixture, problemsOf } from '../fixtures';

test('a non-executable pool next to executable ones is reported as ignored', async () => {
  // given a collaboration with the documentation pool mp-customer
  const result = await compileFixture('multi-process/order-fulfilment');
  // then it compiles, with one warning naming that process
  expect(result.ok).toBe(true);
  expect(problemsOf(result, 'process-not-executable')).toEqual([
    expect.objectContaining({ elementId: 'mp-customer', line: expect.any(Number) }),
  ]);
});

test('a file with nothing executable is an error of executable-process-required instead', async () => {
  const result = await compileFixture('invalid/executable-process-required');
  expect(problemsOf(result, 'process-not-executable')).toEqual([]);
  expect(problemsOf(result, 'executable-process-required')).toHaveLength(1);
});
