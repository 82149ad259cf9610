import type { Message, RecordMetadata } from 'kafkajs';
import { unacknowledged } from './kafka-publisher';

const ack = (topicName: string, partition: number, errorCode = 0): RecordMetadata => ({
  topicName,
  partition,
  errorCode,
});

describe('checking what Kafka acknowledged against where the messages went', () => {
  const a: Message = { key: 'request-1', value: '1' };
  const b: Message = { key: 'request-2', value: '2' };
  const c: Message = { key: 'match-1', value: '3' };
  const sent = new Map([
    ['requests', [a, b]],
    ['matches', [c]],
  ]);
  const partitionOf = new WeakMap<Message, number>([
    [a, 0],
    [b, 4],
    [c, 2],
  ]);

  it('finds nothing missing when every partition is acknowledged', () => {
    expect(
      unacknowledged(sent, partitionOf, [ack('requests', 0), ack('requests', 4), ack('matches', 2)]),
    ).toEqual([]);
  });

  it('names a partition the answer left out (a leader that moved during a retry)', () => {
    expect(unacknowledged(sent, partitionOf, [ack('requests', 0), ack('matches', 2)])).toEqual([
      'requests/4',
    ]);
  });

  it('names a partition answered with an error', () => {
    expect(
      unacknowledged(sent, partitionOf, [ack('requests', 0), ack('requests', 4, 6), ack('matches', 2)]),
    ).toEqual(['requests/4']);
  });
});
