import { useState } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { ProblemNote, useAction } from '../ui/load';
import { Check, verifyLog } from '../verification/verify-log';

const REMEMBERED = 'multitrack.console.verified-tree-size';

/**
 * The auditor's own check, in this browser: signatures and RFC 9162 proofs computed here from the
 * public key alone. The tree size last verified in this tab is kept, so the next check proves the
 * log grew from what this auditor already saw.
 */
export const Verify = () => {
  const { api } = useSigned();
  const [checks, setChecks] = useState<Check[] | undefined>();
  const verify = useAction(async () => {
    const remembered = Number(sessionStorage.getItem(REMEMBERED) ?? '') || undefined;
    const result = await verifyLog(api, remembered);
    const latest = result[0];
    if (latest?.verified) {
      const size = /held (\d+) events/.exec(latest.said)?.[1];
      if (size) sessionStorage.setItem(REMEMBERED, size);
    }
    return result;
  }, setChecks);
  const allVerified = checks?.every((check) => check.verified || check.name === 'Earlier checkpoint');
  return (
    <section aria-labelledby="verify-heading">
      <h1 id="verify-heading">Verify the log</h1>
      <p>
        This browser fetches the log's public key, the latest and an earlier signed checkpoint, a consistency
        proof between them and an inclusion proof of the first event, and checks the Ed25519 signatures and
        the RFC 9162 proofs itself.
      </p>
      <button type="button" onClick={() => verify.act()} disabled={verify.pending}>
        {verify.pending ? 'Verifying…' : 'Verify now'}
      </button>
      {verify.problem && <ProblemNote problem={verify.problem} />}
      {checks && (
        <div aria-live="polite">
          <p class={allVerified ? 'verdict verified' : 'verdict failed'} role="status">
            {allVerified
              ? 'Everything verified.'
              : 'Verification failed: do not rely on this log until the failure is explained.'}
          </p>
          <ul class="checks">
            {checks.map((check) => (
              <li key={check.name} class={check.verified ? 'verified' : 'failed'}>
                <strong>
                  {check.name}: {check.verified ? 'verified' : 'not verified'}
                </strong>{' '}
                {check.said}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
