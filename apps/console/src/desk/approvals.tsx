import { useSigned } from '../ui/context';
import { money } from '../ui/form';
import { ProblemNote, Show, useAction, useLoad } from '../ui/load';
import { href } from '../routes';
import type { Money, Page, Written } from './types';

interface Waiting {
  matchId: string;
  disbursementId: string;
  amount: Money;
  reference: string;
  requestedBy: string;
  requestedAt: string;
  organizationId: string;
}

/** The tranches waiting for a second officer that this officer may approve, one click each. */
export const Approvals = () => {
  const { api } = useSigned();
  const queue = useLoad(() => api.json<Page<Waiting>>('/v1/approvals'), []);
  const approve = useAction(
    (item: Waiting) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${item.matchId}/disbursements/${item.disbursementId}/approval`,
        {},
        { entity: `/v1/matches/${item.matchId}` },
      ),
    queue.reload,
  );
  return (
    <section aria-labelledby="approvals-heading">
      <h1 id="approvals-heading">Approval queue</h1>
      {approve.problem && <ProblemNote problem={approve.problem} />}
      <Show loaded={queue}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Nothing waits for your approval.</p>
          ) : (
            <ul class="queue">
              {items.map((item) => (
                <li key={item.disbursementId}>
                  {money(item.amount)} to {item.organizationId}, reference {item.reference}, requested by{' '}
                  {item.requestedBy} at {item.requestedAt}.{' '}
                  <a href={href('matches', item.matchId)}>Open match</a>{' '}
                  <button type="button" disabled={approve.pending} onClick={() => approve.act(item)}>
                    Approve {item.reference}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
};
