import { Change, isRowWrite, type Write } from '../mechanism/row-write';
import type { ReadModel } from '../mechanism/read-model';
import { asEnvelopes, type StoryEvent } from './funding-story';

type Row = Record<string, unknown>;

/** A column's value after `change`, as the SQL the writes fold into would compute it. */
const applied = (current: unknown, change: Change): unknown => {
  switch (change.op) {
    case 'set':
      return change.value;
    case 'add':
      return (BigInt(String(current ?? 0)) + BigInt(change.value as string)).toString();
    case 'least':
    case 'greatest': {
      if (current === null || current === undefined) return change.value;
      const earlier = Date.parse(String(change.value)) < Date.parse(String(current));
      return earlier === (change.op === 'least') ? change.value : current;
    }
  }
};

/** The rows a history of writes leaves, table by table (raw statements are not interpreted). */
const rowsAfter = (writes: Write[]): Map<string, Map<string, Row>> => {
  const tables = new Map<string, Map<string, Row>>();
  for (const write of writes.filter(isRowWrite)) {
    const rows = tables.get(write.table) ?? new Map<string, Row>();
    tables.set(write.table, rows);
    const existing = rows.get(write.key.value);
    if (write.mode === 'insert' && existing)
      throw new Error(`${write.table} ${write.key.value} inserted twice`);
    if (write.mode === 'update' && !existing) continue;
    const row: Row = existing ?? { [write.key.column]: write.key.value };
    for (const [column, value] of Object.entries(write.changes))
      row[column] = applied(row[column], value instanceof Change ? value : Change.set(value));
    rows.set(write.key.value, row);
  }
  return tables;
};

/**
 * `given(events).when(event).thenWrites(writes)` for a projection, after the deciders' specs:
 * `thenWrites` states exactly the writes of the event, `thenRow` the row they leave after the
 * history, folded the way a batch is.
 */
export const specForProjection = (model: ReadModel) => ({
  given: (...history: StoryEvent[]) => ({
    when: (event: StoryEvent) => {
      const envelopes = asEnvelopes([...history, event]);
      const before = envelopes.slice(0, -1).flatMap((envelope) => model.project(envelope, model.schema));
      const writes = model.project(envelopes[envelopes.length - 1], model.schema);
      return {
        thenWrites: (...expected: Write[]) => expect(writes).toEqual(expected),
        thenRow: (table: string, id: string, columns: Row) =>
          expect(
            rowsAfter([...before, ...writes])
              .get(table)
              ?.get(id),
          ).toMatchObject(columns),
        thenNoRow: (table: string, id: string) =>
          expect(
            rowsAfter([...before, ...writes])
              .get(table)
              ?.get(id),
          ).toBeUndefined(),
      };
    },
  }),
});
