import { Inject, Injectable } from '@nestjs/common';
import { seesEvent, streamOwnerOf, type Viewer } from '@multitrack/domain';
import { isSystemStream, type EventStore, type RecordedEvent } from '@multitrack/event-store';
import { toCloudEvent, type CloudEvent } from '@multitrack/messaging';
import { maskPersonalData } from '@multitrack/personal-data';
import { EVENT_STORE } from '@multitrack/platform';

const OWNERS_KEPT = 50_000;

/**
 * Which events of the log a viewer may see, judged by the domain's `seesEvent` (the reads' rule),
 * and the CloudEvent that may leave for it. An offer's or a match's owner is its first event's
 * organisation: it never changes, so it is remembered.
 */
@Injectable()
export class VisibleEvents {
  private readonly owners = new Map<string, string | undefined>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async visibleTo(viewer: Viewer, event: RecordedEvent): Promise<boolean> {
    if (isSystemStream(event.streamId)) return false;
    // Only offers and matches need their owner; the rule is the domain's either way.
    const needsOwner = event.streamId.startsWith('offer-') || event.streamId.startsWith('match-');
    return seesEvent(viewer, event, needsOwner ? await this.ownerOf(event) : undefined);
  }

  /** No personal field leaves, not even as ciphertext (API.md: no personal data in any payload). */
  cloudEventOf(event: RecordedEvent): CloudEvent {
    return toCloudEvent(event, maskPersonalData(event.data, null) as Record<string, unknown>);
  }

  private async ownerOf(event: RecordedEvent): Promise<string | undefined> {
    if (this.owners.has(event.streamId)) return this.owners.get(event.streamId);
    const first =
      event.revision === 0 ? event : (await this.store.readStream(event.streamId, { maxCount: 1 }))[0];
    const owner = first ? streamOwnerOf(first) : undefined;
    if (this.owners.size >= OWNERS_KEPT) this.owners.clear();
    this.owners.set(event.streamId, owner);
    return owner;
  }
}
