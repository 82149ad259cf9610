import { retryStart } from './retry-start';

describe('starting an engine whose servers are still settling', () => {
  it('stops the half-started engine and tries again until it starts', async () => {
    const calls: string[] = [];
    let failures = 2;
    await retryStart(
      async () => {
        calls.push('start');
        if (failures-- > 0) throw new Error('This server does not host this topic-partition');
      },
      async () => void calls.push('stop'),
      { firstDelayMs: 1 },
    );
    expect(calls).toEqual(['start', 'stop', 'start', 'stop', 'start']);
  });

  it('gives up with the last error after the allowed attempts', async () => {
    let starts = 0;
    const failing = retryStart(
      async () => {
        starts += 1;
        throw new Error(`still failing (${starts})`);
      },
      async () => undefined,
      { attempts: 3, firstDelayMs: 1 },
    );
    await expect(failing).rejects.toThrow('still failing (3)');
    expect(starts).toBe(3);
  });
});
