import { Projector } from '../../apps/projector/src/projector';
import { asEnvelopes, findRequest, fundingStory, requestsReadModel } from '@multitrack/read-models';
import { Topics, type EventEnvelope } from '@multitrack/messaging';
import { counterTotal, openStack, waitUntil, type BusKind, type Stack } from './harness';

const message = (stack: Stack, event: EventEnvelope) => ({
  topic: stack.topicPrefix + Topics.requests,
  key: event.streamId,
  value: JSON.stringify(event),
  headers: { ce_id: event.eventId, ce_type: event.type },
});

describe.each(['in-process', 'kafka'] as BusKind[])(
  'a projector on the %s bus meeting a revision gap',
  (bus) => {
    let stack: Stack;
    let projector: Projector;

    beforeAll(async () => {
      // One partition: whatever follows the gap on it must wait too.
      stack = await openStack(bus, 'pglite', 1);
      projector = new Projector(stack.bus, stack.db, requestsReadModel, {
        topicPrefix: stack.topicPrefix,
        groupPrefix: stack.groupPrefix,
      });
      await projector.start();
    }, 60_000);
    afterAll(async () => {
      await projector.stop();
      await stack.close();
    }, 60_000);

    it('stops the partition at the gap, raises the alarm and applies nothing after it', async () => {
      const story = asEnvelopes(fundingStory(1));
      const [published, matched] = [story[2], story[8]];
      const other = asEnvelopes(fundingStory(2), 100)[2];
      const skipping = { ...matched, revision: 2 };
      const gapsBefore = await counterTotal('multitrack_projector_revision_gaps_total');
      const publisher = stack.bus.publisher();
      await publisher.publish([published, published, skipping, other].map((event) => message(stack, event)));
      await publisher.close();

      await waitUntil(() => projector.status().halted.length > 0, 'the projector stopped at the gap');
      expect(projector.status().halted).toEqual([
        expect.objectContaining({
          streamId: 'request-req-1',
          expectedRevision: 1,
          receivedRevision: 2,
          offset: '2',
        }),
      ]);
      expect((await counterTotal('multitrack_projector_revision_gaps_total')) - gapsBefore).toBe(1);
      expect(await findRequest(stack.db, 'req-1')).toMatchObject({ status: 'open', revision: 0 });
      // the bus redelivers the partition from the gap, and it stops there again: nothing is skipped
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await findRequest(stack.db, 'req-2')).toBeNull();
      expect(projector.status().halted).toHaveLength(1);
    }, 60_000);
  },
);
