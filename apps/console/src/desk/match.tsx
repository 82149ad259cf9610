import { useSigned } from '../ui/context';
import { Table } from '../ui/table';
import { ActionForm, Field, money } from '../ui/form';
import { ProblemNote, Show, useAction, useLoad } from '../ui/load';
import { href } from '../routes';
import type { Match, Tranche, Written } from './types';

const onMatch = (match: Match) => ({ entity: `/v1/matches/${match.id}` });
const today = () => new Date().toISOString().slice(0, 10);

/** A match: the money in one place, with what the caller's role may do next. */
export const MatchPage = ({ id }: { id: string }) => {
  const { api, session } = useSigned();
  const match = useLoad(() => api.entity<Match>(`/v1/matches/${id}`), [id]);
  const officer = session.roles.includes('officer');
  const ngo = session.roles.includes('ngo');
  return (
    <Show loaded={match}>
      {(current) => (
        <article aria-labelledby="match-heading">
          <h1 id="match-heading">Match with {current.organizationId}</h1>
          <p>
            For <a href={href('requests', current.requestId)}>the request</a>
            {current.status ? `; ${current.status}` : ''}.
          </p>
          <dl class="facts money-facts">
            <dt>Committed</dt>
            <dd>{money(current.committed)}</dd>
            <dt>Disbursed</dt>
            <dd>{money(current.disbursed)}</dd>
            <dt>Waiting for approval</dt>
            <dd>{money(current.pendingApproval)}</dd>
            <dt>Confirmed received</dt>
            <dd>{money(current.confirmedReceived)}</dd>
            <dt>Reported spent</dt>
            <dd>{money(current.reportedExpenditure)}</dd>
          </dl>
          <h2>Tranches</h2>
          <Tranches match={current} officer={officer} ngo={ngo} onDone={match.reload} />
          {current.reports && current.reports.length > 0 && (
            <>
              <h2>Expenditure reports</h2>
              <ul>
                {current.reports.map((report) => (
                  <li key={report.id}>
                    {money(report.amount)}: {report.status}
                  </li>
                ))}
              </ul>
            </>
          )}
          {officer && <OfficerActions match={current} onDone={match.reload} />}
          {ngo && <ReportExpenditure match={current} onDone={match.reload} />}
        </article>
      )}
    </Show>
  );
};

const Tranches = ({
  match,
  officer,
  ngo,
  onDone,
}: {
  match: Match;
  officer: boolean;
  ngo: boolean;
  onDone: () => void;
}) => {
  const { api } = useSigned();
  const approve = useAction(
    (tranche: Tranche) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${match.id}/disbursements/${tranche.id}/approval`,
        {},
        onMatch(match),
      ),
    onDone,
  );
  if (match.disbursements.length === 0) return <p>No tranche yet.</p>;
  return (
    <>
      <Table
        caption={'Tranches of this match'}
        columns={['Amount', 'Reference', 'Status', 'Requested by', 'Approved by', 'Receipt']}
        hideCaption
      >
        {match.disbursements.map((tranche) => (
          <tr key={tranche.id}>
            <td class="number">{money(tranche.amount)}</td>
            <td>{tranche.reference}</td>
            <td>
              <span class={`status status-${tranche.status}`}>{tranche.status.replace('_', ' ')}</span>
              {officer && tranche.status === 'pending_approval' && (
                <button type="button" disabled={approve.pending} onClick={() => approve.act(tranche)}>
                  Approve {tranche.reference}
                </button>
              )}
            </td>
            <td>{tranche.requestedBy}</td>
            <td>{tranche.approvedBy ?? '—'}</td>
            <td>
              {tranche.receipt ? (
                <>
                  {money(tranche.receipt.amount)} on {tranche.receipt.receivedOn}
                  {tranche.receipt.discrepancy && (
                    <strong> (discrepancy: expected {money(tranche.receipt.discrepancy.expected)})</strong>
                  )}
                </>
              ) : ngo && tranche.status === 'disbursed' ? (
                <ConfirmReceipt match={match} tranche={tranche} onDone={onDone} />
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </Table>
      {approve.problem && <ProblemNote problem={approve.problem} />}
    </>
  );
};

const ConfirmReceipt = ({
  match,
  tranche,
  onDone,
}: {
  match: Match;
  tranche: Tranche;
  onDone: () => void;
}) => {
  const { api } = useSigned();
  const confirm = useAction(
    (values: Record<string, string>) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${match.id}/disbursements/${tranche.id}/receipt`,
        {
          amount: { amount: values.amount, currency: tranche.amount.currency },
          receivedOn: values.receivedOn,
        },
        onMatch(match),
      ),
    onDone,
  );
  return (
    <ActionForm legend={`Confirm receipt of ${tranche.reference}`} submit="Confirm receipt" action={confirm}>
      <Field
        label={`Amount received (${tranche.amount.currency})`}
        name="amount"
        initial={tranche.amount.amount}
        required
        inputMode="decimal"
      />
      <Field label="Received on" name="receivedOn" type="date" initial={today()} required />
    </ActionForm>
  );
};

const OfficerActions = ({ match, onDone }: { match: Match; onDone: () => void }) => {
  const { api } = useSigned();
  const currency = match.committed.currency;
  const commit = useAction(
    (values: Record<string, string>) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${match.id}/commitments`,
        {
          amount: { amount: values.amount, currency },
        },
        onMatch(match),
      ),
    onDone,
  );
  const disburse = useAction(
    (values: Record<string, string>) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${match.id}/disbursements`,
        {
          amount: { amount: values.amount, currency },
          reference: values.reference,
        },
        onMatch(match),
      ),
    onDone,
  );
  return (
    <div class="actions">
      <ActionForm legend="Commit funds" submit="Commit" action={commit}>
        <Field label={`Amount to commit (${currency})`} name="amount" required inputMode="decimal" />
      </ActionForm>
      <ActionForm legend="Pay a tranche" submit="Disburse" action={disburse}>
        <Field label={`Tranche amount (${currency})`} name="amount" required inputMode="decimal" />
        <Field label="Payment reference" name="reference" required />
      </ActionForm>
    </div>
  );
};

const ReportExpenditure = ({ match, onDone }: { match: Match; onDone: () => void }) => {
  const { api } = useSigned();
  const currency = match.committed.currency;
  const report = useAction(
    (values: Record<string, string>) =>
      api.send<Written>(
        'POST',
        `/v1/matches/${match.id}/expenditure-reports`,
        {
          amount: { amount: values.amount, currency },
          description: values.description,
          period: { from: values.from, to: values.to },
        },
        onMatch(match),
      ),
    onDone,
  );
  return (
    <ActionForm legend="Report expenditure" submit="Send report" action={report}>
      <Field label={`Amount spent (${currency})`} name="amount" required inputMode="decimal" />
      <Field label="What it was spent on" name="description" required />
      <Field label="Period from" name="from" type="date" required />
      <Field label="Period to" name="to" type="date" required />
    </ActionForm>
  );
};
