import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { StoredDocument } from '@multitrack/documents';
import { isDomainError, rule, streamIdOf, type DomainError } from '@multitrack/domain';
import { TransitionCommand } from '../../command-handling/transition';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { CommandContext } from '../../command-handling/command-context';
import { entityVisibleTo, isAttachmentOf, type AttachableCategory } from '../document-access';
import { DocumentStore } from '../document-store';
import type { AttachDocumentDto } from './attach-document.dto';

export class AttachDocumentCommand extends TransitionCommand<AttachDocumentDto> {
  constructor(
    readonly category: AttachableCategory,
    id: string,
    body: AttachDocumentDto,
    context: CommandContext,
  ) {
    super(id, body, context);
  }
}

/** The uploader's own, or its organisation's: nobody files another organisation's upload. */
const isOwnUpload = (document: StoredDocument, actor: Actor): boolean =>
  document.uploadedBy === actor.sub ||
  (document.organizationId !== null && document.organizationId === actor.organizationId);

/**
 * Files an uploaded document with a request, an offer or a match through the one write path. The
 * catalog learns of the attachment before the event is appended (so the sweeper never removes a
 * document being attached) and forgets it again if the log refused it.
 */
@CommandHandler(AttachDocumentCommand)
export class AttachDocumentHandler implements ICommandHandler<AttachDocumentCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly documents: DocumentStore,
  ) {}

  async execute({ category, id, body, context }: AttachDocumentCommand): Promise<Written | DomainError> {
    const { catalog } = this.documents;
    const streamId = streamIdOf(category, id);
    const outcome = await this.streams.decide<
      AttachableCategory,
      { document: StoredDocument; alreadyAttached: boolean }
    >(
      {
        category,
        id,
        visibleTo: entityVisibleTo[category] as (state: unknown, actor: Actor) => boolean,
        facts: async (_state, streams) => {
          const document = await catalog.find(body.documentId);
          if (!document) return rule('document.unknown', `no uploaded document ${body.documentId}`);
          if (!isOwnUpload(document, context.actor))
            return rule(
              'document.not-yours',
              'only its uploader or the uploader’s organisation may attach it',
            );
          const own = await streams.read(category, id);
          await catalog.attach(document.id, streamId);
          return {
            document,
            alreadyAttached: own.history.some((event) => isAttachmentOf(event, document.id)),
          };
        },
        command: (_state, { document, alreadyAttached }) => ({
          type: 'AttachDocument' as const,
          data: {
            documentId: document.id,
            sha256: document.sha256,
            size: document.size,
            mediaType: document.mediaType,
            purpose: body.purpose,
            alreadyAttached,
          },
        }),
      },
      context,
    );
    if (isDomainError(outcome) && outcome.rule !== 'document.already-attached')
      await catalog.detach(body.documentId, streamId);
    return writtenOf(id, outcome);
  }
}
