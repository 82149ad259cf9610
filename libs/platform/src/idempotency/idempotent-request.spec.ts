import { createHash } from 'node:crypto';
import { requestHashOf } from './idempotent-request';

describe('the hash an Idempotency-Key keeps of its request', () => {
  const key = new Uint8Array(32).fill(1);
  const body = { contactEmail: 'director@peace.example', name: 'Peace NGO' };

  it('is the same for the same request, whatever the order of its properties', () => {
    expect(requestHashOf(key, 'POST', 'POST /v1/organizations', body)).toBe(
      requestHashOf(key, 'POST', 'POST /v1/organizations', {
        name: 'Peace NGO',
        contactEmail: 'director@peace.example',
      }),
    );
  });

  it('cannot be recomputed from a guessed body without the key', () => {
    const stored = requestHashOf(key, 'POST', 'POST /v1/organizations', body);
    const guessed = createHash('sha256')
      .update(
        `POST\nPOST /v1/organizations\n${JSON.stringify({ contactEmail: body.contactEmail, name: body.name })}`,
      )
      .digest('hex');
    expect(stored).not.toBe(guessed);
    expect(requestHashOf(new Uint8Array(32).fill(2), 'POST', 'POST /v1/organizations', body)).not.toBe(
      stored,
    );
  });
});
