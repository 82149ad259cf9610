import { mergeInserts } from './merge-inserts';
import { sql } from './read-model';

const insert = `INSERT INTO s.t (a, b, c) VALUES ($1, 'open', $2)`;

describe('merging the inserts of a batch', () => {
  it('turns a run of identical single-row inserts into one multi-row insert, renumbering parameters', () => {
    expect(mergeInserts([sql(insert, 1, 'x'), sql(insert, 2, 'y'), sql(insert, 3, 'z')])).toEqual([
      { sql: `INSERT INTO s.t (a, b, c) VALUES ($1, 'open', $2), ($3, 'open', $4), ($5, 'open', $6)`, params: [1, 'x', 2, 'y', 3, 'z'] },
    ]);
  });

  it('keeps every other statement where it was, so the order of effects is unchanged', () => {
    const update = sql('UPDATE s.t SET c = $1 WHERE a = $2', 'q', 1);
    expect(mergeInserts([sql(insert, 1, 'x'), update, sql(insert, 2, 'y'), sql(insert, 3, 'z')])).toEqual([
      sql(insert, 1, 'x'),
      update,
      { sql: `INSERT INTO s.t (a, b, c) VALUES ($1, 'open', $2), ($3, 'open', $4)`, params: [2, 'y', 3, 'z'] },
    ]);
  });

  it('leaves inserts with a conflict clause or a sub-select alone', () => {
    const upsert = sql(`INSERT INTO s.t (a) VALUES ($1) ON CONFLICT (a) DO NOTHING`, 1);
    const select = sql(`INSERT INTO s.t (a) SELECT $1`, 1);
    expect(mergeInserts([upsert, upsert, select, select])).toEqual([upsert, upsert, select, select]);
  });
});
