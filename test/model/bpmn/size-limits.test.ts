/** Compile limits (src/model/bpmn/limits.ts, size-limits.ts) and the one-pass locator (locate.ts). */
import { compileBpmn } from '../../../src/model/bpmn';
import { createLocator } from '../../../src/model/bpmn/locate';
import { readFixture } from './fixtures';

test('XML over maxXmlBytes is refused before parsing, with both numbers', async () => {
  // given a fixture and a limit below its size, when it is compiled
  const xml = readFixture('invalid/timer-iso8601');
  const result = await compileBpmn(xml, { maxXmlBytes: 100 });
  // then the one problem names the size and the limit
  expect(result).toEqual({
    ok: false,
    problems: [
      {
        rule: 'model-size',
        message: `The model is ${Buffer.byteLength(xml)} bytes of XML, over the limit of 100 bytes (WAYMARK_MAX_MODEL_BYTES)`,
      },
    ],
  });
});

test('the locator finds every id with the line and column of its start tag', () => {
  const xml = '<a id="A">\n  <b x="1" id="B"/>\n<c\n id="C"/><d id="A"/>';
  const locate = createLocator(xml);
  expect(locate('A')).toEqual({ line: 1, column: 1 });
  expect(locate('B')).toEqual({ line: 2, column: 3 });
  expect(locate('C')).toEqual({ line: 3, column: 1 });
  expect(locate('nope')).toBeUndefined();
});

test('problems of a large invalid model are all placed, in linear time', async () => {
  // given 3,000 service tasks without a task type, when compiled
  const tasks = Array.from({ length: 3000 }, (_, i) => `<bpmn:serviceTask id="T${i}"/>`).join('\n');
  const xml = `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="S"/>\n${tasks}\n</bpmn:process></bpmn:definitions>`;
  const result = await compileBpmn(xml);
  // then every problem about T<i> carries the line of T<i>
  expect(result.ok).toBe(false);
  const placed = result.ok ? [] : result.problems.filter((p) => p.elementId === 'T2999');
  expect(placed.length).toBeGreaterThan(0);
  for (const p of placed) expect(p.line).toBe(3001);
}, 60_000);
