import { Controller, Get, Inject, OnModuleInit, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DocumentCatalog } from '@multitrack/documents';
import type { Database } from '@multitrack/database';
import type { AttachedDocument } from '@multitrack/domain';
import type { EventStore, RecordedEvent } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { TransparencyRoute } from '../http/audit-route';
import { AuditLog } from '../transparency/audit-log.service';
import { leafAtPosition } from '../transparency/leaf-positions';
import { notFound } from '../transparency/transparency.problems';
import { DocumentProofResponse } from './document-proof.response';

/** The first event that filed the document, among the streams the catalog says it went to. */
const attachingEvent = async (
  store: EventStore,
  documentId: string,
  streamIds: string[],
): Promise<RecordedEvent | undefined> => {
  const found: RecordedEvent[] = [];
  for (const streamId of streamIds) {
    const event = (await store.readStream(streamId)).find(
      (candidate) =>
        candidate.type === 'DocumentAttached' &&
        (candidate.data as AttachedDocument).documentId === documentId,
    );
    if (event) found.push(event);
  }
  return found.sort((a, b) => a.position - b.position)[0];
};

/**
 * A document's proof is its attaching event's: the event carries the SHA-256, so proving the event
 * in a signed tree proves the file (issue 16). Erasure changes none of it.
 */
@Controller('v1/audit/documents')
export class DocumentProofsController implements OnModuleInit {
  private catalog!: DocumentCatalog;

  constructor(
    private readonly log: AuditLog,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    this.catalog = await DocumentCatalog.open(this.db);
  }

  @Get(':id/proof')
  @TransparencyRoute('auditor')
  @ApiOperation({
    summary: 'Inclusion proof of the event that attached a document, against the latest signed checkpoint',
    description:
      '`treeSize` is that checkpoint’s size: `GET /v1/audit/checkpoints/{treeSize}` verifies it with ' +
      'the published key alone, and `npm run audit -- verify-document <file> --id <id>` does all of it. ' +
      '404 for a document never attached, or whose event no signed checkpoint holds yet.',
  })
  @ApiOkResponse({ type: DocumentProofResponse })
  async proof(@Param('id') id: string): Promise<DocumentProofResponse> {
    const document = await this.catalog.find(id);
    const event = document && (await attachingEvent(this.store, id, document.attachedTo));
    if (!event) throw notFound(`no document ${id} is attached to anything`);
    const leaf = await leafAtPosition(this.db, event.position);
    const checkpoint = await this.log.checkpoints.latest();
    if (!leaf || !checkpoint || checkpoint.treeSize <= leaf.leafIndex)
      throw notFound(`the event that attached document ${id} is in no signed checkpoint yet`);
    const proof = await this.log.tree.inclusionProof(leaf.leafIndex, checkpoint.treeSize);
    return {
      documentId: id,
      sha256: (event.data as AttachedDocument).sha256,
      position: event.position,
      leafIndex: proof.leafIndex,
      treeSize: proof.treeSize,
      rootHash: proof.rootHash.toString('base64'),
      hashes: proof.hashes.map((hash) => hash.toString('base64')),
    };
  }
}
