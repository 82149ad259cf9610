import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import { openSealedDocument, type ByteRange, type StoredDocument } from '@multitrack/documents';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, PERSONAL_DATA_VAULT, ProblemException, statusProblem } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { mayReadDocument } from '../document-access';
import { DocumentStore } from '../document-store';
import { byteRangeOf } from './byte-range';

export interface ServedDocument {
  document: StoredDocument;
  bytes: Readable;
  /** Set when a single range of a plain document is served (206). */
  range?: ByteRange;
}

export class GetDocumentQuery extends Query<ServedDocument> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
    readonly rangeHeader: string | undefined,
  ) {
    super();
  }
}

const notFound = (id: string) => new ProblemException(statusProblem(404, `no document ${id}`));

/**
 * A document for whoever may read it, else 404 alike whether it exists or not. A personal one is
 * opened with its key unwrapped by the organisation's: once that is erased, 410 (its hash and
 * proof stay in the log).
 */
@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery> {
  constructor(
    private readonly documents: DocumentStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ id, actor, rangeHeader }: GetDocumentQuery): Promise<ServedDocument> {
    const document = await this.documents.catalog.find(id);
    if (!document || !(await mayReadDocument(this.store, document, actor))) throw notFound(id);
    if (document.sealed) {
      const key = await this.vault.decrypt(document.sealed.wrappedKey);
      if (key === null)
        throw new ProblemException(
          statusProblem(410, `document ${id} was personal data of an organisation since erased`),
        );
      const sealed = await this.documents.bytes.open(id);
      if (!sealed) throw notFound(id);
      const bytes = openSealedDocument(id, sealed, {
        key: Buffer.from(key, 'base64'),
        iv: Buffer.from(document.sealed.iv, 'base64'),
        tag: Buffer.from(document.sealed.tag, 'base64'),
      });
      return { document, bytes };
    }
    const range = byteRangeOf(rangeHeader, document.size);
    if (range === 'unsatisfiable')
      throw new ProblemException(statusProblem(416, `the document has ${document.size} bytes`), {
        'Content-Range': `bytes */${document.size}`,
      });
    const bytes = await this.documents.bytes.open(id, range);
    if (!bytes) throw notFound(id);
    return { document, bytes, ...(range && { range }) };
  }
}
