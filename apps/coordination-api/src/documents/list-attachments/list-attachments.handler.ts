import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import { rule, stateOf, streamIdOf, type AttachedDocument, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { seesEntity, type AttachableCategory } from '../document-access';
import { DocumentStore } from '../document-store';
import type { AttachmentsView } from './attachment.view';

export class ListAttachmentsQuery extends Query<AttachmentsView | DomainError> {
  constructor(
    readonly category: AttachableCategory,
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * Read from the entity's stream itself, not a read model: attachments are few per entity, and a
 * caller who just attached one sees it at once.
 */
@QueryHandler(ListAttachmentsQuery)
export class ListAttachmentsHandler implements IQueryHandler<ListAttachmentsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly documents: DocumentStore,
  ) {}

  async execute({ category, id, actor }: ListAttachmentsQuery): Promise<AttachmentsView | DomainError> {
    const history = await this.store.readStream(streamIdOf(category, id));
    if (!seesEntity(category, stateOf(category, history), actor))
      return rule(`${category}.not-found`, `no ${category} ${id}`);
    const attached = history.filter((event) => event.type === 'DocumentAttached');
    const items = await Promise.all(
      attached.map(async (event) => {
        const data = event.data as AttachedDocument;
        const document = await this.documents.catalog.find(data.documentId);
        return {
          documentId: data.documentId,
          sha256: data.sha256,
          size: data.size,
          mediaType: data.mediaType,
          filename: document?.filename ?? null,
          purpose: data.purpose,
          attachedBy: event.metadata.actor.sub,
          attachedAt: event.metadata.occurredAt,
        };
      }),
    );
    return { items };
  }
}
