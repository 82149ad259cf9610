import { transferHandlers, TransferHandler } from 'comlink';

type Thrown = { value: unknown };
type Serialized = { isError: boolean; value: unknown };

/**
 * Comlink sends a thrown Error across threads as its message, name and stack only; the event store
 * and the read models decide on PostgreSQL's `code` and `constraint` (a duplicate event id, a
 * serialisation failure), so an error from the database thread keeps its own fields too.
 */
export const keepErrorFieldsAcrossThreads = (): void => {
  const standard = transferHandlers.get('throw') as TransferHandler<Thrown, Serialized>;
  transferHandlers.set('throw', {
    canHandle: standard.canHandle,
    deserialize: standard.deserialize,
    serialize(thrown: Thrown): [Serialized, []] {
      const { value } = thrown;
      if (!(value instanceof Error)) return [standard.serialize(thrown)[0], []];
      const fields = Object.fromEntries(
        Object.entries(value).filter(([, field]) => ['string', 'number', 'boolean'].includes(typeof field)),
      );
      return [
        { isError: true, value: { ...fields, message: value.message, name: value.name, stack: value.stack } },
        [],
      ];
    },
  } as TransferHandler<unknown, unknown>);
};
