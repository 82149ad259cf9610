import { helpRequestPublishedV1 } from './help-request-published.v1';
import { Upcaster } from './upcaster';

export { createUpcasting, Upcaster, Upcasting, StoredShape } from './upcaster';
export { helpRequestPublishedV1 } from './help-request-published.v1';

/** The upcasters every adapter applies unless told otherwise. */
export const defaultUpcasters: readonly Upcaster[] = [helpRequestPublishedV1];
