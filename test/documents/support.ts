/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { createHash } from 'node:crypto';

/** A PDF as far as any signature check can tell, with `body` to tell documents apart. */
export const pdf = (body: string): Buffer => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`);
export const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export interface Sent {
  status: number;
  headers: Headers;
  body: any;
  bytes: Buffer;
}

/** Raw bytes to and from the API (the JSON client of test/coordination does JSON only). */
export const documentsClient = (url: string) => {
  const send = async (
    method: string,
    path: string,
    {
      token,
      type,
      bytes,
      headers = {},
    }: { token?: string; type?: string; bytes?: Buffer | ReadableStream; headers?: Record<string, string> },
  ): Promise<Sent> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(type && { 'content-type': type }),
        ...headers,
      },
      body: bytes,
      ...(bytes instanceof ReadableStream && { duplex: 'half' }),
    } as RequestInit);
    const raw = Buffer.from(await response.arrayBuffer());
    let body: any = undefined;
    if (/json/.test(response.headers.get('content-type') ?? '')) body = JSON.parse(raw.toString());
    return { status: response.status, headers: response.headers, body, bytes: raw };
  };
  return {
    send,
    upload: (token: string, bytes: Buffer, type = 'application/pdf', query = '') =>
      send('POST', `/v1/documents${query}`, { token, type, bytes }),
    download: (token: string, id: string, headers: Record<string, string> = {}) =>
      send('GET', `/v1/documents/${id}`, { token, headers }),
  };
};

/** `bytes` as a stream of `size`-byte pieces: fetch then sends it chunked, with no Content-Length. */
export const chunked = (bytes: Buffer, size: number): ReadableStream =>
  new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += size)
        controller.enqueue(bytes.subarray(offset, offset + size));
      controller.close();
    },
  });
