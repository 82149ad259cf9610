import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import {
  DocumentSignatureError,
  DocumentTooLargeError,
  documentMediaTypeOf,
  inspectUpload,
  sealDocument,
  type Sealed,
} from '@multitrack/documents';
import { PERSONAL_DATA_VAULT, ProblemException, problemType, statusProblem } from '@multitrack/platform';
import { PersonalDataErasedError, type PersonalDataVault } from '@multitrack/personal-data';
import { DOCUMENT_SETTINGS, type DocumentSettings } from '../document-settings';
import { DocumentStore } from '../document-store';
import type { DocumentView } from '../document.view';
import type { UploadDocumentQuery } from './upload-document.query';

export class UploadDocumentCommand extends Command<DocumentView> {
  constructor(
    /** The request body: the parser's stream for a document type, anything else otherwise. */
    readonly body: unknown,
    readonly contentType: string | undefined,
    readonly contentLength: number | undefined,
    readonly query: UploadDocumentQuery,
    readonly actor: Actor,
  ) {
    super();
  }
}

const unsupported = (detail: string) => new ProblemException(statusProblem(415, detail));
const tooLarge = (maxBytes: number) =>
  new ProblemException(statusProblem(413, `the document exceeds DOCUMENT_MAX_BYTES (${maxBytes} bytes)`), {
    Connection: 'close',
  });

/**
 * Streams the body once: checked (signature, size) and hashed as it passes, sealed on the way
 * when personal, written to the store. The record is made first and completed last, so an upload
 * cut off half-way is swept like any unattached one.
 */
@CommandHandler(UploadDocumentCommand)
export class UploadDocumentHandler implements ICommandHandler<UploadDocumentCommand> {
  constructor(
    private readonly documents: DocumentStore,
    @Inject(DOCUMENT_SETTINGS) private readonly settings: DocumentSettings,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ body, contentType, contentLength, query, actor }: UploadDocumentCommand) {
    const mediaType = documentMediaTypeOf(contentType);
    if (!mediaType || !(body instanceof Readable))
      throw unsupported(
        'a document is application/pdf, image/png, image/jpeg, text/plain, text/csv or application/vnd.openxmlformats-officedocument.*',
      );
    const { maxBytes } = this.settings;
    if (contentLength !== undefined && contentLength > maxBytes) throw tooLarge(maxBytes);
    const personal = query.personal === 'true';
    if (personal && !actor.organizationId)
      throw new ProblemException(
        statusProblem(400, 'a personal document is sealed under its organisation: the caller has none'),
      );

    const id = randomUUID();
    const filename = query.filename ?? null;
    const { catalog, bytes } = this.documents;
    await catalog.begin({
      id,
      mediaType,
      filename: query.filename,
      uploadedBy: actor.sub,
      organizationId: actor.organizationId,
    });
    const inspected = inspectUpload(body, { mediaType, maxBytes });
    const sealing = personal ? sealDocument(id, inspected.bytes) : undefined;
    try {
      const wrappedKey = sealing && (await this.wrap(actor.organizationId as string, sealing.key));
      await bytes.write(id, sealing?.bytes ?? inspected.bytes);
      const sealed: Sealed | undefined = sealing && {
        wrappedKey: wrappedKey as string,
        iv: sealing.iv.toString('base64'),
        tag: sealing.tag().toString('base64'),
      };
      const { sha256, size } = inspected.digest();
      await catalog.complete(id, { sha256, size, sealed });
      return { id, sha256, size, mediaType, filename };
    } catch (error) {
      // Whatever the client still sends is not read: a refusal closes the connection.
      await catalog.removeUnattached(id);
      await bytes.remove(id);
      if (error instanceof DocumentTooLargeError) throw tooLarge(maxBytes);
      if (error instanceof DocumentSignatureError)
        throw unsupported(`the bytes are not ${mediaType} (their signature says otherwise)`);
      throw error;
    }
  }

  private async wrap(organizationId: string, key: Buffer): Promise<string> {
    try {
      return await this.vault.encrypt(organizationId, key.toString('base64'));
    } catch (error) {
      if (!(error instanceof PersonalDataErasedError)) throw error;
      throw new ProblemException({
        ...statusProblem(
          422,
          `the personal data of ${organizationId} was erased: it takes no new personal document`,
        ),
        type: problemType('organization.already-erased'),
        title: 'Business rule violated',
        rule: 'organization.already-erased',
      });
    }
  }
}
