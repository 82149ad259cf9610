import { expenditureReportedV1 } from './expenditure-reported.v1';
import { helpRequestPublishedV1 } from './help-request-published.v1';
import { Upcaster } from './upcaster';

export { createUpcasting, Upcaster, Upcasting, StoredShape } from './upcaster';
export { helpRequestPublishedV1 } from './help-request-published.v1';
export { expenditureReportedV1 } from './expenditure-reported.v1';

/** The upcasters every adapter applies unless told otherwise. */
export const defaultUpcasters: readonly Upcaster[] = [helpRequestPublishedV1, expenditureReportedV1];

/**
 * The schema version new events of `type` are written with: one past the newest upcaster's
 * `fromVersion`, so upcasters only ever meet events that really are old.
 */
export const currentSchemaVersion = (
  type: string,
  upcasters: readonly Upcaster[] = defaultUpcasters,
): number =>
  upcasters
    .filter((upcaster) => upcaster.type === type)
    .reduce((version, upcaster) => Math.max(version, upcaster.fromVersion + 1), 1);
