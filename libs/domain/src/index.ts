export * from './shared/decider';
export * from './shared/rules';
export * from './shared/streams';
export * from './shared/fold';
export * from './shared/visibility';
export { tracks, type Track, isCalendarDate } from './shared/validation';
export * from './money';
export * from './iati/transaction-types';
export * from './deciders';
export * from './documents/attachments';

export * from './organization/organization.commands';
export * from './organization/organization.events';
export * from './organization/organization.state';
export * from './organization/organization.decider';

export * from './request/request.commands';
export * from './request/request.events';
export * from './request/request.state';
export * from './request/request.decider';

export * from './offer/offer.commands';
export * from './offer/offer.events';
export * from './offer/offer.state';
export * from './offer/offer.decider';

export * from './match/match.commands';
export * from './match/match.events';
export * from './match/match.state';
export * from './match/match.decider';
export { approvalNeeded } from './match/approval-policy';
export * from './match/reports.state';
export { budgetCodePattern } from './match/budget';
export * from './match/budget-vs-actual';

export * from './approval-authority/approval-authority.commands';
export * from './approval-authority/approval-authority.events';
export * from './approval-authority/approval-authority.state';
export * from './approval-authority/approval-authority.rules';
export { approvalAuthorityDecider } from './approval-authority/approval-authority.decide';
export * from './release-window/release-window';
export { officerKey, sameOfficer } from './shared/officer';
