import { foldWrites, type Generation } from './fold-writes';
import { sql } from './statement';
import { add, Change, greatest, insertRow, least, updateRow, upsertRow } from './row-write';

const changesOf = (generation: Generation) =>
  generation.map((row) => [
    row.table,
    row.mode,
    row.key.value,
    Object.fromEntries([...row.changes].map(([c, v]) => [c, [v.op, v.value]])),
  ]);

describe('folding the writes of a batch per row', () => {
  it('makes an insert followed by updates of the same row one insert with the net values', () => {
    const steps = foldWrites([
      insertRow('matches', ['id', 'm1'], { status: 'active', revision: 0 }),
      updateRow('matches', ['id', 'm1'], { committed_minor: add('100'), revision: 1 }),
      updateRow('matches', ['id', 'm1'], { committed_minor: add(50), status: 'completed', revision: 2 }),
    ]);
    expect(steps.map((step) => changesOf(step as Generation))).toEqual([
      [
        [
          'matches',
          'insert',
          'm1',
          { status: ['set', 'completed'], revision: ['set', 2], committed_minor: ['add', '150'] },
        ],
      ],
    ]);
  });

  it('adds to a value set earlier in the batch, and keeps the earliest and latest instants', () => {
    const [generation] = foldWrites([
      upsertRow('timelines', ['request_id', 'r1'], {
        published_at: least('2026-12-02T00:00:00.000Z'),
        total: '10',
      }),
      updateRow('timelines', ['request_id', 'r1'], {
        published_at: least('2026-12-01T00:00:00.000Z'),
        total: add(5),
      }),
      updateRow('timelines', ['request_id', 'r1'], { last_at: greatest('2026-12-01T00:00:00.000Z') }),
      updateRow('timelines', ['request_id', 'r1'], { last_at: greatest('2026-12-03T00:00:00.000Z') }),
    ]) as Generation[];
    expect(changesOf(generation)).toEqual([
      [
        'timelines',
        'upsert',
        'r1',
        {
          published_at: ['least', '2026-12-01T00:00:00.000Z'],
          total: ['set', '15'],
          last_at: ['greatest', '2026-12-03T00:00:00.000Z'],
        },
      ],
    ]);
  });

  it('keeps different rows apart, one entry each', () => {
    const [generation] = foldWrites([
      updateRow('offers', ['id', 'a'], { status: 'accepted' }),
      updateRow('offers', ['id', 'b'], { status: 'declined' }),
      updateRow('request_offers', ['offer_id', 'a'], { active: false }),
    ]) as Generation[];
    expect(generation).toHaveLength(3);
  });

  it('starts a new generation for a second insert of a row, so it fails as it would have', () => {
    const steps = foldWrites([
      insertRow('offers', ['id', 'a'], { status: 'submitted' }),
      insertRow('offers', ['id', 'a'], { status: 'submitted' }),
    ]);
    expect(steps).toHaveLength(2);
  });

  it('starts a new generation for an upsert after a mere update, which must not create the row', () => {
    const steps = foldWrites([
      updateRow('t', ['id', 'a'], { n: add(1) }),
      upsertRow('t', ['id', 'a'], { n: add(1) }),
    ]);
    expect(steps).toHaveLength(2);
  });

  it('runs a raw statement between the writes before and after it', () => {
    const statement = sql('DELETE FROM s.t WHERE id = $1', 'a');
    const steps = foldWrites([
      updateRow('t', ['id', 'a'], { n: 1 }),
      statement,
      updateRow('t', ['id', 'a'], { n: 2 }),
    ]);
    expect(steps).toHaveLength(3);
    expect(steps[1]).toBe(statement);
  });

  it('treats a plain value as a set', () => {
    const [generation] = foldWrites([
      updateRow('t', ['id', 'a'], { n: add(1) }),
      updateRow('t', ['id', 'a'], { n: 7 }),
    ]) as Generation[];
    expect(generation[0].changes.get('n')).toEqual(Change.set(7));
  });
});
