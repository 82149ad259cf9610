import { useState } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { Table } from '../ui/table';
import { ActionForm, Field } from '../ui/form';
import { Show, useAction, useLoad } from '../ui/load';

interface AuditEvent {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  recordedAt: string;
  hash: string;
  metadata: { actor?: { sub?: string; role?: string }; [key: string]: unknown };
}

const actorOf = (event: AuditEvent) => {
  const actor = event.metadata.actor as { sub?: string; role?: string; roles?: string[] } | undefined;
  return actor
    ? `${actor.sub ?? '?'} (${actor.role ?? actor.roles?.join(', ') ?? '?'})`
    : String(event.metadata.sub ?? '—');
};

/** A stream's history: every event, who, when and its hash; and the entity as of an instant. */
export const Timeline = () => {
  const [streamId, setStreamId] = useState('');
  return (
    <section aria-labelledby="timeline-heading">
      <h1 id="timeline-heading">Timeline of a stream</h1>
      <form
        class="filters"
        aria-label="Choose a stream"
        onSubmit={(event) => {
          event.preventDefault();
          setStreamId(
            String(new FormData(event.currentTarget as HTMLFormElement).get('stream') ?? '').trim(),
          );
        }}
      >
        <Field label="Stream id (e.g. request-…, match-…)" name="stream" required />
        <button type="submit">Show timeline</button>
      </form>
      {streamId ? <StreamEvents streamId={streamId} /> : <RecentEvents />}
      {streamId && <AsOf streamId={streamId} />}
    </section>
  );
};

const EventTable = ({ events, caption }: { events: AuditEvent[]; caption: string }) => (
  <Table caption={caption} columns={['Position', 'Stream', 'Rev.', 'Event', 'Who', 'When (UTC)', 'Hash']}>
    {events.map((event) => (
      <tr key={event.position}>
        <td class="number">{event.position}</td>
        <td>{event.streamId}</td>
        <td class="number">{event.revision}</td>
        <td>{event.type}</td>
        <td>{actorOf(event)}</td>
        <td>{event.recordedAt}</td>
        <td>
          <code title={event.hash}>{event.hash.slice(0, 12)}…</code>
        </td>
      </tr>
    ))}
  </Table>
);

const StreamEvents = ({ streamId }: { streamId: string }) => {
  const { api } = useSigned();
  const events = useLoad(
    () =>
      api.json<{ items: AuditEvent[] }>(`/v1/audit/streams/${encodeURIComponent(streamId)}/events?limit=500`),
    [streamId],
  );
  return (
    <Show loaded={events}>
      {({ items }) =>
        items.length === 0 ? (
          <p>No event in stream {streamId}.</p>
        ) : (
          <EventTable events={items} caption={`Every event of ${streamId}`} />
        )
      }
    </Show>
  );
};

const RecentEvents = () => {
  const { api } = useSigned();
  const events = useLoad(() => api.json<{ items: AuditEvent[] }>('/v1/audit/events?limit=100'), []);
  return (
    <Show loaded={events}>
      {({ items }) => <EventTable events={items} caption="The first events of the log" />}
    </Show>
  );
};

const AsOf = ({ streamId }: { streamId: string }) => {
  const { api } = useSigned();
  const [state, setState] = useState<{ revision: number; state: unknown } | undefined>();
  const asOf = useAction(
    (values: Record<string, string>) =>
      api.json<{ revision: number; state: unknown }>(
        `/v1/audit/entities/${encodeURIComponent(streamId)}?asOf=${encodeURIComponent(new Date(values.asOf).toISOString())}`,
      ),
    setState,
  );
  return (
    <>
      <ActionForm legend="The entity as of an instant" submit="Rebuild" action={asOf}>
        <Field label="As of (your local time)" name="asOf" type="datetime-local" step="1" required />
      </ActionForm>
      {state && (
        <figure>
          <figcaption>At revision {state.revision}</figcaption>
          <pre>{JSON.stringify(state.state, null, 2)}</pre>
        </figure>
      )}
    </>
  );
};
