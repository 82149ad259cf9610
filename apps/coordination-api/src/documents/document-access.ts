import type { Actor } from '@multitrack/auth';
import type { StoredDocument } from '@multitrack/documents';
import {
  parseStreamId,
  stateOf,
  type AttachedDocument,
  type Category,
  type StateOf,
} from '@multitrack/domain';
import type { EventStore, RecordedEvent } from '@multitrack/event-store';
import { matchVisibleTo } from '../matches/match-stream';
import { offerVisibleTo } from '../offers/offer-transition';

/** The entities documents are filed with. */
export type AttachableCategory = Extract<Category, 'request' | 'offer' | 'match'>;

const isAttachable = (category: Category): category is AttachableCategory =>
  category === 'request' || category === 'offer' || category === 'match';

type Existing<K extends AttachableCategory> = Exclude<StateOf<K>, { status: 'none' }>;

/**
 * Who may read an entity, as its own reads judge it: a request is everyone's, an offer or a match
 * its organisation's (and officers' and auditors'), so attachments follow the entity they are on.
 */
export const entityVisibleTo: { [K in AttachableCategory]: (state: Existing<K>, actor: Actor) => boolean } = {
  request: () => true,
  offer: offerVisibleTo,
  match: matchVisibleTo,
};

export const seesEntity = <K extends AttachableCategory>(
  category: K,
  state: StateOf<K>,
  actor: Actor,
): boolean =>
  state.status !== 'none' &&
  (entityVisibleTo[category] as (state: StateOf<K>, actor: Actor) => boolean)(state, actor);

export const isAttachmentOf = (event: RecordedEvent, documentId: string): boolean =>
  event.type === 'DocumentAttached' && (event.data as AttachedDocument).documentId === documentId;

/**
 * The uploader, and whoever may read an entity the document is attached to (API.md). The catalog
 * only says where to look; the entity's stream must hold the `DocumentAttached`.
 */
export const mayReadDocument = async (
  store: EventStore,
  document: StoredDocument,
  actor: Actor,
): Promise<boolean> => {
  if (document.uploadedBy === actor.sub) return true;
  for (const streamId of document.attachedTo) {
    const stream = parseStreamId(streamId);
    if (!stream || !isAttachable(stream.category)) continue;
    const history = await store.readStream(streamId);
    if (
      history.some((event) => isAttachmentOf(event, document.id)) &&
      seesEntity(stream.category, stateOf(stream.category, history), actor)
    )
      return true;
  }
  return false;
};
