export * from './cursor';
export type { ReadModel } from './mechanism/read-model';
export { sql, type Statement } from './mechanism/statement';
export {
  Change,
  add,
  least,
  greatest,
  insertRow,
  updateRow,
  upsertRow,
  touchRow,
  defined,
  type RowWrite,
  type Write,
} from './mechanism/row-write';
export { applyEvents, type ApplyOutcome, type Gap, type Poisoned } from './mechanism/apply-events';
export {
  forgetOffsets,
  loadOffsets,
  lockOffset,
  saveOffset,
  type StoredOffset,
} from './mechanism/bookkeeping';
export { isPoison, reasonOf, ProjectionError, RevisionGapError } from './mechanism/errors';
export { installReadModel, createScratchSchema, dropSchema, migrationsOf } from './mechanism/install';
export {
  rebuildIntoSchema,
  rebuildReadModel,
  rebuildReadModels,
  swapIn,
  catchUp,
  catchUpAll,
  defaultRebuildBatchSize,
  type RebuildTarget,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildReached,
} from './mechanism/rebuild';
export { diffReadModel, type TableDifference } from './mechanism/diff';
export { waitForRevision } from './mechanism/wait-for-revision';
export { readModels, readModelNamed } from './read-models';

export { organizationsReadModel } from './organizations/organizations.read-model';
export * from './organizations/organizations.queries';
export { requestsReadModel } from './requests/requests.read-model';
export * from './requests/requests.queries';
export { offersReadModel } from './offers/offers.read-model';
export * from './offers/offers.queries';
export { matchesReadModel } from './matches/matches.read-model';
export * from './matches/matches.queries';
export * from './matches/ledger.queries';
export * from './matches/budget-vs-actual.queries';
export { cooperationReadModel } from './cooperation/cooperation.read-model';
export * from './cooperation/cooperation.queries';
export { approvalAuthoritiesReadModel } from './approval-authorities/approval-authorities.read-model';
export * from './approval-authorities/approval-authorities.queries';

export { fundingStory, asEnvelopes, type StoryEvent } from './testing/funding-story';
