import { isConnectionFailure } from './unavailable';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('a lost PostgreSQL connection', () => {
  it('is recognised by socket error, SQLSTATE class or driver message', () => {
    expect(isConnectionFailure(withCode('ECONNREFUSED'))).toBe(true);
    expect(isConnectionFailure(withCode('57P01'))).toBe(true);
    expect(isConnectionFailure(withCode('08006'))).toBe(true);
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED')], 'all failed'))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('is not confused with errors the caller made', () => {
    expect(isConnectionFailure(withCode('23505'))).toBe(false);
    expect(isConnectionFailure(withCode('42P01'))).toBe(false);
    expect(isConnectionFailure('ECONNREFUSED')).toBe(false);
  });
});
