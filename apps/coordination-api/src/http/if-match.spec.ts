import { ProblemException } from '@multitrack/platform';
import { etagOf, parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %s as revision %d', (header, revision) => expect(parseIfMatch(header)).toBe(revision));

  it('treats an absent header and * as no precondition', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it.each(['"abc"', '"3", "4"', '-1', '', 'W/'])('refuses %j with a 400 problem', (header) =>
    expect(() => parseIfMatch(header)).toThrow(ProblemException),
  );

  it('round-trips with the ETag it issues', () => expect(parseIfMatch(etagOf(7))).toBe(7));
});
