/**
 * The media types a document may be (API.md, "Evidence documents"), each with how its first
 * bytes must look. A small table rather than a sniffing library: the listed types are few, and the
 * well-kept one (file-type) is an ES module only, which this CommonJS build cannot require
 * (decision 0221).
 */
const OOXML = /^application\/vnd\.openxmlformats-officedocument\.[a-z0-9.+-]+$/;

const startsWith =
  (...bytes: number[]) =>
  (head: Buffer): boolean =>
    head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);

const pdf = startsWith(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
const png = startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const jpeg = startsWith(0xff, 0xd8, 0xff);
const zip = startsWith(0x50, 0x4b, 0x03, 0x04); // an OOXML file is a ZIP archive

/**
 * Text has no signature: it must hold no NUL, decode as UTF-8 (a sequence cut at the end of the
 * head excepted), and not begin like one of the binary types.
 */
const text = (head: Buffer, whole: boolean): boolean => {
  if (head.includes(0) || [pdf, png, jpeg, zip].some((looks) => looks(head))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(whole ? head : head.subarray(0, utf8Boundary(head)));
    return true;
  } catch {
    return false;
  }
};

/** Where the last complete UTF-8 sequence of `head` ends. */
const utf8Boundary = (head: Buffer): number => {
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? head.length - back : head.length;
    }
  }
  return head.length;
};

/** How many leading bytes the check reads (fewer when the document is shorter). */
export const HEAD_BYTES = 4096;

/** `text/plain; charset=utf-8` → `text/plain`; undefined when the type is not one a document may be. */
export const documentMediaTypeOf = (contentType: string | undefined): string | undefined => {
  const essence = contentType?.split(';')[0].trim().toLowerCase();
  if (!essence) return undefined;
  return ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv'].includes(essence) ||
    OOXML.test(essence)
    ? essence
    : undefined;
};

/** The header's types, for the content-type parser (the OOXML family as one pattern). */
export const documentContentTypes: (string | RegExp)[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  /^application\/vnd\.openxmlformats-officedocument\./,
];

/** Whether the first bytes (`whole`: the entire document) are what `mediaType` says they are. */
export const bytesAre = (mediaType: string, head: Buffer, whole: boolean): boolean => {
  switch (mediaType) {
    case 'application/pdf':
      return pdf(head);
    case 'image/png':
      return png(head);
    case 'image/jpeg':
      return jpeg(head);
    case 'text/plain':
    case 'text/csv':
      return text(head, whole);
    default:
      return OOXML.test(mediaType) && zip(head);
  }
};
