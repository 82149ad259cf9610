import {
  computeEventHash,
  findFirstBrokenEvent,
  hashCanonicalFields,
  verifyStreamChain,
  ChainedEvent,
} from './hash-chain';

const chain = (count: number): ChainedEvent[] => {
  const events: ChainedEvent[] = [];
  for (let revision = 0; revision < count; revision++) {
    const prevHash = events[revision - 1]?.hash ?? null;
    const fields = {
      prevHash,
      streamId: 'match-7',
      revision,
      type: 'FundsDisbursed',
      data: { tranche: revision },
      metadata: { schemaVersion: 1 },
    };
    events.push({ ...fields, hash: computeEventHash(fields) });
  }
  return events;
};

describe('the per-stream hash chain', () => {
  it('is lowercase hex SHA-256 over the canonical JSON of the hashed fields, whatever their key order', () => {
    const hash = computeEventHash({
      prevHash: null,
      streamId: 's',
      revision: 0,
      type: 'T',
      data: { b: 1, a: 2 },
      metadata: {},
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      computeEventHash({
        metadata: {},
        data: { a: 2, b: 1 },
        type: 'T',
        revision: 0,
        streamId: 's',
        prevHash: null,
      }),
    ).toBe(hash);
    // sha256('{"data":{"a":2,"b":1},"metadata":{},"prevHash":null,"revision":0,"streamId":"s","type":"T"}')
    expect(hash).toBe('98b45f1dafbc2e843182783c03ee5234ed77c3dd02172cbdd8253af42c5ca6f4');
  });

  it('verifies an untouched chain', () => {
    expect(verifyStreamChain(chain(4))).toBe(true);
    expect(findFirstBrokenEvent([])).toBeUndefined();
  });

  it('names the first event whose content was rewritten', () => {
    const events = chain(4);
    events[2] = { ...events[2], data: { tranche: 99 } };
    expect(findFirstBrokenEvent(events)).toEqual({
      streamId: 'match-7',
      revision: 2,
      reason: 'hash-mismatch',
    });
  });

  it('names an event that no longer links to its predecessor, even with a recomputed hash', () => {
    const events = chain(4);
    const forged = { ...events[1], prevHash: 'f'.repeat(64) };
    events[1] = { ...forged, hash: computeEventHash(forged) };
    expect(findFirstBrokenEvent(events)).toEqual({
      streamId: 'match-7',
      revision: 1,
      reason: 'prev-hash-mismatch',
    });
  });

  it('names the place where an event was removed', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(findFirstBrokenEvent(events)).toEqual({
      streamId: 'match-7',
      revision: 2,
      reason: 'revision-gap',
    });
  });
});

describe('the hash over canonical text', () => {
  it('is the event hash when given the canonical JSON of data and metadata', () => {
    const fields = {
      prevHash: 'ab'.repeat(32),
      streamId: 'match-"7"',
      revision: 12,
      type: 'Odd ✓',
      data: { b: [1e21, 0.1], a: 'é' },
      metadata: { z: null },
    };

    expect(
      hashCanonicalFields({
        ...fields,
        canonicalData: '{"a":"é","b":[1e+21,0.1]}',
        canonicalMetadata: '{"z":null}',
      }),
    ).toBe(computeEventHash(fields));
  });
});
