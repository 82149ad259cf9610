import { authorityToRelyOn, dayOf, officerKey, type ApprovalBasis, type Money } from '@multitrack/domain';
import type { StreamRead, StreamReader } from '../command-handling/stream-reader';

/** The authority an approval will rely on: the stream to exercise it on, and how the approval records it. */
export interface Reliance {
  read: StreamRead<'authority'>;
  /** Absent when no authority covers the tranche: exercising `read` (the approver's own) then refuses. */
  basis?: ApprovalBasis;
}

/**
 * Reads the approver's own authority stream and the streams of the officers that lent to it (its
 * stream lists them), and picks the first that covers `amount` today: its own before any lent.
 * Each is a stream the approval appends to (`ApprovalAuthorityExercised`) at the revision read
 * here, so a revocation or a lowered limit in between makes the approval decide again (0210).
 */
export const authorityToRelyOnFor = async (
  streams: StreamReader,
  approver: string,
  amount: Money,
  now: string,
): Promise<Reliance> => {
  const day = dayOf(now);
  const own = await streams.read('authority', officerKey(approver));
  const lenders =
    own.state.status === 'none'
      ? []
      : own.state.received
          .filter((r) => r.until >= day && (r.currency === undefined || r.currency === amount.currency))
          .map((r) => r.from);
  const lent = await Promise.all([...new Set(lenders)].map((lender) => streams.read('authority', lender)));
  const candidates = [own, ...lent];
  const index = authorityToRelyOn(
    candidates.map((read) => read.state),
    approver,
    amount,
    day,
  );
  if (index === undefined) return { read: own };
  const read = candidates[index];
  return { read, basis: index === 0 ? { basis: 'own' } : { basis: 'delegated', delegatedBy: read.id } };
};
