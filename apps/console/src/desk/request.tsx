import { useSigned } from '../ui/context';
import { Table } from '../ui/table';
import { ActionForm, Field, money } from '../ui/form';
import { ProblemNote, Show, useAction, useLoad } from '../ui/load';
import { go, href } from '../routes';
import type { HelpRequest, Offer, Page, Suggestion, Written } from './types';

/** One request: officers amend, cancel, read the offers and suggestions and match; NGOs offer. */
export const RequestPage = ({ id }: { id: string }) => {
  const { api, session } = useSigned();
  const request = useLoad(() => api.entity<HelpRequest>(`/v1/requests/${id}`), [id]);
  const offers = useLoad(() => api.json<Page<Offer>>(`/v1/requests/${id}/offers`), [id]);
  const officer = session.roles.includes('officer');
  const ngo = session.roles.includes('ngo');
  const reload = () => {
    request.reload();
    offers.reload();
  };
  return (
    <Show loaded={request}>
      {(current) => (
        <article aria-labelledby="request-heading">
          <h1 id="request-heading">{current.title}</h1>
          <dl class="facts">
            <dt>Status</dt>
            <dd>
              <span class={`status status-${current.status}`}>{current.status}</span>
            </dd>
            <dt>Country</dt>
            <dd>{current.country}</dd>
            <dt>Tracks</dt>
            <dd>{current.tracks.join(', ')}</dd>
            <dt>Budget</dt>
            <dd>{money(current.budget)}</dd>
            <dt>Needed by</dt>
            <dd>{current.neededBy}</dd>
            <dt>Revision</dt>
            <dd>{current.revision}</dd>
          </dl>
          <p>{current.description}</p>
          <h2>Offers</h2>
          <Show loaded={offers}>
            {(page) => (
              <OfferTable
                offers={page.items}
                request={current}
                canMatch={officer}
                onMatched={(matchId) => go('matches', matchId)}
              />
            )}
          </Show>
          {ngo && offers.state === 'done' && (
            <OwnOffers
              offers={offers.value.items.filter((offer) => offer.status === 'submitted')}
              onDone={reload}
            />
          )}
          {officer && <Suggestions id={id} />}
          {officer && current.status === 'open' && <AmendRequest request={current} onDone={reload} />}
          {officer && (current.status === 'open' || current.status === 'matched') && (
            <CloseRequest request={current} onDone={reload} />
          )}
          {ngo && current.status === 'open' && <SubmitOffer request={current} onDone={reload} />}
        </article>
      )}
    </Show>
  );
};

const OfferTable = ({
  offers,
  request,
  canMatch,
  onMatched,
}: {
  offers: Offer[];
  request: HelpRequest;
  canMatch: boolean;
  onMatched: (matchId: string) => void;
}) => {
  const { api } = useSigned();
  const match = useAction(
    (offerId: string) =>
      api.send<Written>(
        'POST',
        '/v1/matches',
        { requestId: request.id, offerId },
        { entity: ({ id }) => `/v1/matches/${id}` },
      ),
    (written) => onMatched(written.id),
  );
  if (offers.length === 0) return <p>No offers yet.</p>;
  return (
    <>
      <Table
        caption={'Offers on this request'}
        columns={['Organisation', 'Summary', 'Amount', 'From – to', 'Status', 'Match']}
        hideCaption
      >
        {offers.map((offer) => (
          <tr key={offer.id}>
            <td>{offer.organizationId}</td>
            <td>{offer.summary}</td>
            <td class="number">{money(offer.amount)}</td>
            <td>
              {offer.startDate} – {offer.endDate}
            </td>
            <td>
              <span class={`status status-${offer.status}`}>{offer.status}</span>
            </td>
            <td>
              {offer.matchId ? (
                <a href={href('matches', offer.matchId)}>Open match</a>
              ) : canMatch && offer.status === 'submitted' && request.status === 'open' ? (
                <button type="button" disabled={match.pending} onClick={() => match.act(offer.id)}>
                  Match this offer
                </button>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </Table>
      {match.problem && <ProblemNote problem={match.problem} />}
    </>
  );
};

const Suggestions = ({ id }: { id: string }) => {
  const { api } = useSigned();
  const suggestions = useLoad(
    () => api.json<{ items: Suggestion[] }>(`/v1/requests/${id}/match-suggestions?limit=10`),
    [id],
  );
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Match suggestions</h2>
      <Show loaded={suggestions}>
        {({ items }) =>
          items.length === 0 ? (
            <p>No vetted organisation to suggest.</p>
          ) : (
            <ol class="suggestions">
              {items.map((item) => (
                <li key={`${item.organizationId}-${item.offerId ?? ''}`}>
                  <strong>{item.organizationName}</strong> (
                  {item.kind === 'offer' ? 'offered' : 'has not offered'}), score {item.score}
                  <ul>
                    {item.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
};

const AmendRequest = ({ request, onDone }: { request: HelpRequest; onDone: () => void }) => {
  const { api } = useSigned();
  const amend = useAction((values: Record<string, string>) => {
    const changes: Record<string, unknown> = {};
    if (values.title && values.title !== request.title) changes.title = values.title;
    if (values.description && values.description !== request.description)
      changes.description = values.description;
    if (values.amount && values.amount !== request.budget.amount)
      changes.budget = { amount: values.amount, currency: request.budget.currency };
    if (values.neededBy && values.neededBy !== request.neededBy) changes.neededBy = values.neededBy;
    return api.send<Written>('PATCH', `/v1/requests/${request.id}`, changes, {
      ifMatch: request.revision,
      entity: `/v1/requests/${request.id}`,
    });
  }, onDone);
  return (
    <ActionForm legend="Amend the request" submit="Save changes" action={amend}>
      <Field label="New title" name="title" initial={request.title} maxLength={200} />
      <Field label="New description" name="description" initial={request.description} />
      <Field
        label={`New budget (${request.budget.currency})`}
        name="amount"
        initial={request.budget.amount}
        inputMode="decimal"
      />
      <Field label="New needed-by date" name="neededBy" type="date" initial={request.neededBy} />
    </ActionForm>
  );
};

/** Closure (second wave) where the server has it, cancellation of an open request otherwise. */
const CloseRequest = ({ request, onDone }: { request: HelpRequest; onDone: () => void }) => {
  const { api } = useSigned();
  const close = useAction(
    (values: Record<string, string>) =>
      api
        .send<Written>(
          'POST',
          `/v1/requests/${request.id}/closure`,
          values.reason ? { reason: values.reason } : {},
          { entity: `/v1/requests/${request.id}` },
        )
        .catch((error: { status?: number }) => {
          if (error.status !== 404 || request.status !== 'open') throw error;
          return api.send<Written>(
            'POST',
            `/v1/requests/${request.id}/cancellation`,
            { reason: values.reason || 'closed from the console' },
            { entity: `/v1/requests/${request.id}` },
          );
        }),
    onDone,
  );
  return (
    <ActionForm legend="Close the request" submit="Close request" action={close}>
      <Field label="Reason for closing" name="reason" />
    </ActionForm>
  );
};

const SubmitOffer = ({ request, onDone }: { request: HelpRequest; onDone: () => void }) => {
  const { api } = useSigned();
  const offer = useAction(async (values: Record<string, string>) => {
    const written = await api.send<Written>(
      'POST',
      `/v1/requests/${request.id}/offers`,
      {
        summary: values.summary,
        amount: { amount: values.amount, currency: request.budget.currency },
        startDate: values.startDate,
        endDate: values.endDate,
      },
      { entity: ({ id }) => `/v1/offers/${id}` },
    );
    // The list is a read model too: wait until it holds the new offer before showing it again.
    return api.entity(`/v1/offers/${written.id}`);
  }, onDone);
  return (
    <ActionForm legend="Offer help" submit="Submit offer" action={offer}>
      <Field label="What you offer" name="summary" required />
      <Field label={`Amount (${request.budget.currency})`} name="amount" required inputMode="decimal" />
      <Field label="Start date" name="startDate" type="date" required />
      <Field label="End date" name="endDate" type="date" required />
    </ActionForm>
  );
};

/** The NGO's own offers still open: revise (PATCH, If-Match) or withdraw. */
const OwnOffers = ({ offers, onDone }: { offers: Offer[]; onDone: () => void }) => (
  <>
    {offers.map((offer) => (
      <OwnOffer key={offer.id} offer={offer} onDone={onDone} />
    ))}
  </>
);

const OwnOffer = ({ offer, onDone }: { offer: Offer; onDone: () => void }) => {
  const { api } = useSigned();
  const entity = `/v1/offers/${offer.id}`;
  const revise = useAction(async (values: Record<string, string>) => {
    const changes: Record<string, unknown> = {};
    if (values.summary !== offer.summary) changes.summary = values.summary;
    if (offer.amount && values.amount !== offer.amount.amount)
      changes.amount = { amount: values.amount, currency: offer.amount.currency };
    if (values.startDate !== offer.startDate) changes.startDate = values.startDate;
    if (values.endDate !== offer.endDate) changes.endDate = values.endDate;
    await api.send<Written>('PATCH', entity, changes, { ifMatch: offer.revision, entity });
    return api.entity(entity);
  }, onDone);
  const withdraw = useAction(async (values: Record<string, string>) => {
    await api.send<Written>('POST', `${entity}/withdrawal`, { reason: values.reason }, { entity });
    return api.entity(entity);
  }, onDone);
  return (
    <details class="own-offer">
      <summary>Revise or withdraw your offer “{offer.summary}”</summary>
      <ActionForm legend="Revise your offer" submit="Save revision" action={revise}>
        <Field label="What you offer" name="summary" initial={offer.summary} required />
        {offer.amount && (
          <Field
            label={`Amount (${offer.amount.currency})`}
            name="amount"
            initial={offer.amount.amount}
            inputMode="decimal"
          />
        )}
        <Field label="Start date" name="startDate" type="date" initial={offer.startDate} />
        <Field label="End date" name="endDate" type="date" initial={offer.endDate} />
      </ActionForm>
      <ActionForm legend="Withdraw your offer" submit="Withdraw offer" action={withdraw}>
        <Field label="Reason for withdrawing" name="reason" required />
      </ActionForm>
    </details>
  );
};
