export type { ByteRange, DocumentBytes } from './document-bytes.port';
export { fileDocumentBytes } from './file-document-bytes';
export { postgresDocumentBytes, CHUNK_BYTES } from './postgres-document-bytes';
export { openDocumentBytes } from './open-document-bytes';
export { DocumentCatalog, type StoredDocument, type Sealed } from './document-catalog';
export { documentMediaTypeOf, documentContentTypes, bytesAre } from './media-types';
export {
  inspectUpload,
  DocumentSignatureError,
  DocumentTooLargeError,
  type InspectedUpload,
} from './upload-stream';
export { sealDocument, openSealedDocument, type SealedDocument } from './personal-cipher';
export { sweepUnattached } from './sweep-unattached';
