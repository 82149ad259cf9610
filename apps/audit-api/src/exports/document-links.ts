import type { DocumentCatalog } from '@multitrack/documents';
import { streamIdOf, type AttachedDocument, type AttachmentPurpose } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';

export interface DocumentLink extends AttachedDocument {
  filename: string | null;
  attachedOn: string;
}

/**
 * IATI 2.03 DocumentCategory codes for the purposes a document is filed for: the nearest the
 * codelist has (decision 0223).
 */
export const iatiCategoryOf: Record<AttachmentPurpose, string> = {
  agreement: 'A11', // Contract
  receipt: 'A05', // Budget
  report: 'A07', // Review of project performance and evaluation
  'vetting-evidence': 'A04', // Conditions
  other: 'A02', // Objectives / Purpose of activity
};

/**
 * The documents filed with a match, its request and its offer, oldest first. Personal documents
 * are left out: an open-data export names no one's personal data, and after an erasure the link
 * would lead to a 410.
 */
export const documentLinksOf = async (
  store: EventStore,
  catalog: DocumentCatalog,
  match: { matchId: string; requestId: string; offerId: string },
): Promise<DocumentLink[]> => {
  const links: (DocumentLink & { position: number })[] = [];
  const streams = [
    streamIdOf('match', match.matchId),
    streamIdOf('request', match.requestId),
    streamIdOf('offer', match.offerId),
  ];
  for (const streamId of streams)
    for (const event of await store.readStream(streamId)) {
      if (event.type !== 'DocumentAttached') continue;
      const data = event.data as AttachedDocument;
      const document = await catalog.find(data.documentId);
      if (document?.sealed) continue;
      links.push({
        ...data,
        filename: document?.filename ?? null,
        attachedOn: event.metadata.occurredAt.slice(0, 10),
        position: event.position,
      });
    }
  return links.sort((a, b) => a.position - b.position).map(({ position: _, ...link }) => link);
};
