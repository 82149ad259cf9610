import { parseStreamId, type Category } from '@multitrack/domain';

/** One topic per aggregate category; the `v1` suffix changes only with an incompatible envelope. */
export const Topics = {
  organizations: 'multitrack.organizations.v1',
  requests: 'multitrack.requests.v1',
  offers: 'multitrack.offers.v1',
  matches: 'multitrack.matches.v1',
  approvalAuthorities: 'multitrack.approval-authorities.v1',
  audit: 'multitrack.audit.v1',
  deadLetter: 'multitrack.dead-letter.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

const byCategory: Record<Category, Topic> = {
  organization: Topics.organizations,
  request: Topics.requests,
  offer: Topics.offers,
  match: Topics.matches,
  authority: Topics.approvalAuthorities,
  // The four-eyes window of an organisation (decision 0211) is a record for the write side and
  // the auditors; no read model follows it.
  window: Topics.audit,
};

/**
 * The topic an event of this stream goes to. Categories other than the four aggregates (audit
 * reads, and any stream a later feature adds) go to the audit topic, so the relay never drops one.
 */
export const topicForStream = (streamId: string): Topic => {
  const category = parseStreamId(streamId)?.category;
  return category ? byCategory[category] : Topics.audit;
};

/** Every topic the relay publishes to (the dead-letter topic is the projector's). */
export const EventTopics: Topic[] = [
  Topics.organizations,
  Topics.requests,
  Topics.offers,
  Topics.matches,
  Topics.approvalAuthorities,
  Topics.audit,
];
