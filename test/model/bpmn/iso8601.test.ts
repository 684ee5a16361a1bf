/** ISO-8601 timer literals (src/model/bpmn/iso8601.ts). */
import { isIsoCycle, isIsoDateTime, isIsoDuration } from '../../../src/model/bpmn/iso8601';

describe('ISO-8601 timer literals', () => {
  it.each(['PT1S', 'PT0.5S', 'P1D', 'P1DT2H30M', 'P2W', 'P1Y2M'])('accepts duration %s', (d) =>
    expect(isIsoDuration(d)).toBe(true),
  );
  it.each(['P', 'PT', '1S', 'PT1X', 'P1H', 'PT1S '.repeat(2)])('rejects duration %j', (d) =>
    expect(isIsoDuration(d)).toBe(false),
  );
  it.each([
    '2025-01-01T10:00:00Z',
    '2025-01-01T10:00:00.123+02:00',
    '2025-01-01T10:00:00+02:00[Europe/Berlin]',
  ])('accepts date %s', (d) => expect(isIsoDateTime(d)).toBe(true));
  it.each(['2025-01-01', '2025-13-01T10:00:00Z', '2025-01-01T10:00:00', 'tomorrow'])(
    'rejects date %s',
    (d) => expect(isIsoDateTime(d)).toBe(false),
  );
  it.each(['R/PT1S', 'R2/PT1S', 'R3/2025-01-01T10:00:00Z/P1D'])('accepts cycle %s', (c) =>
    expect(isIsoCycle(c)).toBe(true),
  );
  it.each(['PT1S', 'R2', 'R2/PT1X', '0 0 9-17 * * MON-FRI'])('rejects cycle %s', (c) =>
    expect(isIsoCycle(c)).toBe(false),
  );
});
