import { attachmentEventTypes } from './documents/attachments';
import { matchDecider } from './match/match.decider';
import { matchEventTypes } from './match/match.events';
import { offerDecider } from './offer/offer.decider';
import { offerEventTypes } from './offer/offer.events';
import { organizationDecider } from './organization/organization.decider';
import { organizationEventTypes } from './organization/organization.events';
import { requestDecider } from './request/request.decider';
import { requestEventTypes } from './request/request.events';
import { approvalAuthorityDecider } from './approval-authority/approval-authority.decide';
import { approvalAuthorityEventTypes } from './approval-authority/approval-authority.events';
import { releaseWindowDecider, releaseWindowEventTypes } from './release-window/release-window';
import type { Event } from './shared/decider';
import { foldEvents, type Evolver } from './shared/fold';
import type { Category } from './shared/streams';

const deciders = {
  organization: organizationDecider,
  request: requestDecider,
  offer: offerDecider,
  match: matchDecider,
  authority: approvalAuthorityDecider,
  window: releaseWindowDecider,
};

export type DeciderOf = typeof deciders;

/** The state, commands and events of a stream category, as its decider knows them. */
export type StateOf<K extends Category> = DeciderOf[K]['initialState'];
export type CommandOf<K extends Category> = Parameters<DeciderOf[K]['decide']>[0];
export type EventOf<K extends Category> = Parameters<DeciderOf[K]['evolve']>[1];

/** The decider of a stream category: the same evolve the write side uses, for replay and time travel. */
export const deciderFor = <C extends Category>(category: C): DeciderOf[C] => deciders[category];

/** A stream's state after its history (event types the category does not know change nothing). */
export const stateOf = <K extends Category>(
  category: K,
  history: Iterable<Event<string, unknown>>,
): StateOf<K> => foldEvents(deciders[category] as unknown as Evolver<StateOf<K>>, history);

/** An evolve that accepts any stored event of the category (unknown types leave the state as it was). */
export const evolveFor =
  <C extends Category>(category: C) =>
  (state: DeciderOf[C]['initialState'], event: Event<string, unknown>): DeciderOf[C]['initialState'] =>
    (deciders[category].evolve as (state: unknown, event: unknown) => DeciderOf[C]['initialState'])(
      state,
      event,
    );

export const eventTypesByCategory = {
  organization: organizationEventTypes,
  request: [...requestEventTypes, ...attachmentEventTypes],
  offer: [...offerEventTypes, ...attachmentEventTypes],
  match: [...matchEventTypes, ...attachmentEventTypes],
  authority: approvalAuthorityEventTypes,
  window: releaseWindowEventTypes,
} satisfies Record<Category, string[]>;

/** Every event type the domain writes, once each; the AsyncAPI document is checked against this list. */
export const eventTypes: string[] = [...new Set(Object.values(eventTypesByCategory).flat())];

/** The categories whose streams carry `type`: one, but a DocumentAttached goes to several. */
export const categoriesOfEventType = (type: string): Category[] =>
  (Object.keys(eventTypesByCategory) as Category[]).filter((category) =>
    (eventTypesByCategory[category] as string[]).includes(type),
  );

/** The (first) category whose streams carry `type`. */
export const categoryOfEventType = (type: string): Category | undefined =>
  (Object.keys(eventTypesByCategory) as Category[]).find((category) =>
    (eventTypesByCategory[category] as string[]).includes(type),
  );
