import { StoredShape, Upcaster } from './upcaster';

/**
 * Schema version 1 of `ExpenditureReported` (before reviewed reports, issue 14) had no
 * `reportId`. Version 2 names each report; an old one is named by its own event id, which the
 * store keeps with it for ever, so every reader — the decider, the projector, time travel —
 * derives the same id without counting anything (decision 0215).
 */
export const expenditureReportedV1: Upcaster = {
  type: 'ExpenditureReported',
  fromVersion: 1,
  upcast: (event: StoredShape): StoredShape => {
    const { type, data, metadata, eventId } = event;
    const reportId = typeof data.reportId === 'string' ? data.reportId : eventId;
    if (reportId === undefined)
      throw new Error('an ExpenditureReported of version 1 read without its event id');
    return { type, data: { ...data, reportId }, metadata: { ...metadata, schemaVersion: 2 } };
  },
};
