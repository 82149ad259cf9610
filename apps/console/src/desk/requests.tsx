import { useState } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { Table } from '../ui/table';
import { ActionForm, Choice, Field, money } from '../ui/form';
import { Show, useAction, useLoad } from '../ui/load';
import { go, href } from '../routes';
import type { HelpRequest, Page, Written } from './types';

const statuses: [string, string][] = [
  ['', 'any status'],
  ['open', 'open'],
  ['matched', 'matched'],
  ['closed', 'closed'],
  ['cancelled', 'cancelled'],
];
const tracks: [string, string][] = [
  ['', 'any track'],
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): [string, string] => [String(n), `track ${n}`]),
];

const query = (filters: Record<string, string>) =>
  new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();

/** Officers: what the ministry asked for, filtered; NGOs: the open requests in their tracks. */
export const RequestList = () => {
  const { api, session } = useSigned();
  const [filters, setFilters] = useState<Record<string, string>>({
    status: session.roles.includes('ngo') ? 'open' : '',
    track: '',
    country: '',
  });
  const [onlyMyTracks, setOnlyMyTracks] = useState(Boolean(session.org));
  // An NGO sees first the requests in its own tracks (its organisation's record says which).
  const requests = useLoad(async () => {
    const page = await api.json<Page<HelpRequest>>(`/v1/requests?${query({ ...filters, limit: '100' })}`);
    if (!session.org || !onlyMyTracks) return page;
    const { tracks } = await api.json<{ tracks: number[] }>(
      `/v1/organizations/${encodeURIComponent(session.org)}`,
    );
    return {
      ...page,
      items: page.items.filter((request) => request.tracks.some((track) => tracks.includes(track))),
    };
  }, [query(filters), onlyMyTracks]);
  const set = (name: string) => (event: Event) =>
    setFilters({ ...filters, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="requests-heading">
      <h1 id="requests-heading">Help requests</h1>
      <form class="filters" aria-label="Filter requests" onSubmit={(event) => event.preventDefault()}>
        <Choice
          label="Status"
          name="status"
          options={statuses}
          value={filters.status}
          onChange={set('status')}
        />
        <Choice label="Track" name="track" options={tracks} value={filters.track} onChange={set('track')} />
        <Field
          label="Country"
          name="country"
          value={filters.country}
          maxLength={2}
          placeholder="KE"
          onChange={set('country')}
        />
        {session.org && (
          <div class="field checkbox">
            <label>
              <input
                type="checkbox"
                checked={onlyMyTracks}
                onChange={(event) => setOnlyMyTracks(event.currentTarget.checked)}
              />{' '}
              Only my organisation's tracks
            </label>
          </div>
        )}
      </form>
      <Show loaded={requests}>
        {(page) =>
          page.items.length === 0 ? (
            <p>No request matches these filters.</p>
          ) : (
            <Table
              caption={'Help requests'}
              columns={['Title', 'Country', 'Tracks', 'Budget', 'Needed by', 'Status', 'Offers']}
              hideCaption
            >
              {page.items.map((request) => (
                <tr key={request.id}>
                  <td>
                    <a href={href('requests', request.id)}>{request.title}</a>
                  </td>
                  <td>{request.country}</td>
                  <td>{request.tracks.join(', ')}</td>
                  <td class="number">{money(request.budget)}</td>
                  <td>{request.neededBy}</td>
                  <td>
                    <span class={`status status-${request.status}`}>{request.status}</span>
                  </td>
                  <td class="number">{request.offerCount}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Show>
      {session.roles.includes('officer') && (
        <PublishRequest onPublished={(written) => go('requests', written.id)} />
      )}
    </section>
  );
};

const PublishRequest = ({ onPublished }: { onPublished: (written: Written) => void }) => {
  const { api } = useSigned();
  const publish = useAction(
    (values: Record<string, string>) =>
      api.send<Written>(
        'POST',
        '/v1/requests',
        {
          title: values.title,
          description: values.description,
          tracks: values.tracks.split(/[ ,]+/).filter(Boolean).map(Number),
          country: values.country,
          budget: { amount: values.amount, currency: values.currency },
          neededBy: values.neededBy,
        },
        { entity: ({ id }) => `/v1/requests/${id}` },
      ),
    onPublished,
  );
  return (
    <ActionForm legend="Post a help request" submit="Publish request" action={publish}>
      <Field label="Title" name="title" required maxLength={200} />
      <Field label="Description" name="description" required />
      <Field label="Tracks (1–9, comma-separated)" name="tracks" required placeholder="2, 5" />
      <Field label="Country (ISO 3166-1 alpha-2)" name="country" required maxLength={2} placeholder="KE" />
      <Field label="Budget amount" name="amount" required inputMode="decimal" placeholder="250000.00" />
      <Field label="Budget currency" name="currency" required maxLength={3} initial="USD" />
      <Field label="Needed by" name="neededBy" type="date" required />
    </ActionForm>
  );
};
