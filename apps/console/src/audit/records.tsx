import { useState } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { ProblemNote, Show, useAction, useLoad } from '../ui/load';

interface Integrity {
  verified: boolean;
  eventsChecked: number;
  firstBrokenAt?: unknown;
  headDigest: string;
}

const exports: [string, string, string][] = [
  ['/v1/audit/export', 'multitrack-log.ndjson', 'The whole log (NDJSON)'],
  ['/v1/audit/export/iati', 'multitrack-iati.xml', 'Funding flows as IATI activity XML'],
  ['/v1/audit/export/funding.csv', 'multitrack-funding.csv', 'Funding flows as CSV with HXL tags'],
];

/** Hash chains, reconciliation and the exports (fetched with the token, then saved as a file). */
export const Records = () => {
  const { api } = useSigned();
  const integrity = useLoad(() => api.json<Integrity>('/v1/audit/integrity'), []);
  const [reconciliation, setReconciliation] = useState<
    { consistent: boolean; differences: unknown[] } | undefined
  >();
  const reconcile = useAction(
    () => api.send<{ consistent: boolean; differences: unknown[] }>('POST', '/v1/audit/reconciliations', {}),
    setReconciliation,
  );
  const download = useAction(async (path: string, filename: string) => {
    const url = URL.createObjectURL(await api.blob(path));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return (
    <section aria-labelledby="records-heading">
      <h1 id="records-heading">Integrity, reconciliation and exports</h1>
      <h2>Hash chains</h2>
      <Show loaded={integrity}>
        {(report) => (
          <p role="status" class={report.verified ? 'verdict verified' : 'verdict failed'}>
            {report.verified
              ? `Every stream's hash chain holds: ${report.eventsChecked} events checked.`
              : `A hash chain is broken at ${JSON.stringify(report.firstBrokenAt)} (${report.eventsChecked} events checked).`}
          </p>
        )}
      </Show>
      <h2>Reconciliation</h2>
      <p>Rebuilds the read models from the log and compares them with the live ones.</p>
      <button type="button" onClick={() => reconcile.act()} disabled={reconcile.pending}>
        {reconcile.pending ? 'Reconciling…' : 'Reconcile now'}
      </button>
      {reconcile.problem && <ProblemNote problem={reconcile.problem} />}
      {reconciliation && (
        <div role="status">
          <p class={reconciliation.consistent ? 'verdict verified' : 'verdict failed'}>
            {reconciliation.consistent
              ? 'The read models agree with the log.'
              : `${reconciliation.differences.length} differences:`}
          </p>
          {!reconciliation.consistent && <pre>{JSON.stringify(reconciliation.differences, null, 2)}</pre>}
        </div>
      )}
      <h2>Exports</h2>
      <ul>
        {exports.map(([path, filename, label]) => (
          <li key={path}>
            <button type="button" onClick={() => download.act(path, filename)} disabled={download.pending}>
              Download: {label}
            </button>
          </li>
        ))}
      </ul>
      {download.problem && <ProblemNote problem={download.problem} />}
    </section>
  );
};
