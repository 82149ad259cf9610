import { HeavyWork, HeavyWorkAbandoned, HeavyWorkRefused } from './heavy-work';

/** Work that finishes when the test says so. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: async () => opened };
};

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('heavy audit work', () => {
  it('runs at most `concurrency` at once and starts the waiting ones in arrival order', async () => {
    const heavy = new HeavyWork({ concurrency: 2, queue: 5, perCaller: 5 });
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => ({ name, ...gate() }));
    const runs = gates.map(({ name, work }) =>
      heavy.run(`caller-${name}`, async () => (started.push(name), work())),
    );
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    expect(heavy.state).toEqual({ running: 2, waiting: 2 });

    gates[1].open();
    await runs[1];
    expect(started).toEqual(['a', 'b', 'c']);
    gates.forEach((g) => g.open());
    await Promise.all(runs);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(heavy.state).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 503 and a Retry-After once the queue is full, and takes work again when it drains', async () => {
    const heavy = new HeavyWork({ concurrency: 1, queue: 1, perCaller: 5 });
    const first = gate();
    const running = heavy.run('a', first.work);
    const waiting = heavy.run('b', async () => 'second');
    const refused = await refusal(heavy.run('c', async () => 'third'));

    expect(refused).toBeInstanceOf(HeavyWorkRefused);
    expect(refused).toMatchObject({ status: 503 });
    expect((refused as HeavyWorkRefused).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    first.open();
    await running;
    expect(await waiting).toBe('second');
    expect(await heavy.run('c', async () => 'third')).toBe('third');
  });

  it('refuses one caller with 429 past its own share while another caller still gets a place', async () => {
    const heavy = new HeavyWork({ concurrency: 1, queue: 10, perCaller: 2 });
    const first = gate();
    const mine = [heavy.run('greedy', first.work), heavy.run('greedy', async () => 'two')];

    expect(await refusal(heavy.run('greedy', async () => 'three'))).toMatchObject({ status: 429 });
    const other = heavy.run('modest', async () => 'served');
    first.open();
    await Promise.all(mine);
    expect(await other).toBe('served');
    expect(await heavy.run('greedy', async () => 'again')).toBe('again');
  });

  it('frees the place of work that failed, and of a caller that went away while it waited', async () => {
    const heavy = new HeavyWork({ concurrency: 1, queue: 1, perCaller: 1 });
    await expect(heavy.run('a', async () => Promise.reject(new Error('store down')))).rejects.toThrow(
      'store down',
    );
    const first = gate();
    const running = heavy.run('a', first.work);
    const gone = new AbortController();
    const waiting = heavy.run('b', async () => 'never', gone.signal);
    gone.abort();

    expect(await refusal(waiting)).toBeInstanceOf(HeavyWorkAbandoned);
    expect(heavy.state).toEqual({ running: 1, waiting: 0 });
    const again = heavy.run('b', async () => 'b again');
    first.open();
    await running;
    expect(await again).toBe('b again');
  });
});
