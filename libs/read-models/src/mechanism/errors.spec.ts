import { isPoison, ProjectionError } from './errors';

describe('telling a poison event from an outage', () => {
  it('calls an event poison when its projection threw', () => {
    expect(isPoison(new ProjectionError('cannot project', new TypeError('x is undefined')))).toBe(true);
  });

  it('calls an event poison when PostgreSQL refused its data', () => {
    expect(isPoison(Object.assign(new Error('invalid input syntax'), { code: '22P02' }))).toBe(true);
    expect(isPoison(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(true);
  });

  it('retries lost connections, lock timeouts and broken SQL instead of dead-lettering', () => {
    expect(isPoison(Object.assign(new Error('connection lost'), { code: '08006' }))).toBe(false);
    expect(isPoison(Object.assign(new Error('lock timeout'), { code: '55P03' }))).toBe(false);
    expect(isPoison(Object.assign(new Error('no such column'), { code: '42703' }))).toBe(false);
    expect(isPoison(new Error('ECONNREFUSED'))).toBe(false);
  });
});
