import { useState } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { ActionForm, Field } from '../ui/form';
import { useAction } from '../ui/load';
import { Check, verifyLog } from '../verification/verify-log';

const REMEMBERED = 'multitrack.console.verified-tree-size';
const outcome = (check: Check) =>
  check.verified === undefined ? 'not checked' : check.verified ? 'verified' : 'not verified';

/**
 * The auditor's own check, in this browser: signatures and RFC 9162 proofs computed here from the
 * public key alone. The tree size last verified in this tab is kept (or the auditor gives one they
 * kept), so the next check proves the log grew from what this auditor already saw.
 */
export const Verify = () => {
  const { api } = useSigned();
  const [checks, setChecks] = useState<Check[] | undefined>();
  const remembered = sessionStorage.getItem(REMEMBERED) ?? '';
  const verify = useAction(async (values: Record<string, string>) => {
    const earlier = Number(values.earlier) || undefined;
    const result = await verifyLog(api, earlier);
    const size = result[0]?.verified && /held (\d+) events/.exec(result[0].said)?.[1];
    if (size) sessionStorage.setItem(REMEMBERED, size);
    return result;
  }, setChecks);
  const allVerified = checks?.every((check) => check.verified !== false);
  return (
    <section aria-labelledby="verify-heading">
      <h1 id="verify-heading">Verify the log</h1>
      <p>
        This browser fetches the log's public key, the latest signed checkpoint and one of an earlier size, a
        consistency proof between them and an inclusion proof of the first event, and checks the Ed25519
        signatures and the RFC 9162 proofs itself.
      </p>
      <ActionForm legend="Verify" submit="Verify now" action={verify}>
        <Field
          label="Earlier tree size to compare with (the last one this tab verified)"
          name="earlier"
          inputMode="numeric"
          initial={remembered}
          key={remembered}
        />
      </ActionForm>
      {checks && (
        <div aria-live="polite">
          <p class={allVerified ? 'verdict verified' : 'verdict failed'} role="status">
            {allVerified
              ? 'Everything verified.'
              : 'Verification failed: do not rely on this log until the failure is explained.'}
          </p>
          <ul class="checks">
            {checks.map((check) => (
              <li key={check.name} class={outcome(check).replace(' ', '-')}>
                <strong>
                  {check.name}: {outcome(check)}
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
