import type { DocumentBytes } from './document-bytes.port';
import type { DocumentCatalog } from './document-catalog';

/**
 * Removes the uploads never attached to anything within `retentionHours` (the row first, so a
 * document attached in the meantime keeps its bytes). Returns how many went.
 */
export const sweepUnattached = async (
  catalog: DocumentCatalog,
  bytes: DocumentBytes,
  retentionHours: number,
  now = new Date(),
): Promise<number> => {
  const cutoff = new Date(now.getTime() - retentionHours * 3_600_000);
  let removed = 0;
  for (const id of await catalog.unattachedBefore(cutoff)) {
    if (!(await catalog.removeUnattached(id))) continue;
    await bytes.remove(id);
    removed += 1;
  }
  return removed;
};
