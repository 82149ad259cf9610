import { categoriesOfEventType, categoryOfEventType, deciderFor, eventTypes, evolveFor } from './deciders';
import { iatiTransactionTypeOf } from './iati/transaction-types';
import { foldEvents } from './shared/fold';
import { categories, parseStreamId, streamIdOf } from './shared/streams';

describe('stream ids', () => {
  it('names a stream {category}-{id} and reads an IATI id with dashes back', () => {
    expect(streamIdOf('organization', 'US-EIN-123456789')).toBe('organization-US-EIN-123456789');
    expect(parseStreamId('organization-US-EIN-123456789')).toEqual({
      category: 'organization',
      id: 'US-EIN-123456789',
    });
  });
  it.each(['audit-1', 'match-', 'match', '-1'])('does not read %s as a domain stream', (id) =>
    expect(parseStreamId(id)).toBeUndefined(),
  );
});

describe('time travel with the domain’s own evolve', () => {
  it('folds a stored request stream, ignoring event types it does not know', () => {
    const history = [
      {
        type: 'HelpRequestPublished',
        data: {
          requestId: 'r1',
          title: 't',
          description: 'd',
          tracks: [1],
          country: 'KE',
          budget: { amount: '10.00', currency: 'USD' },
          neededBy: '2025-12-01',
          publishedBy: 'o',
        },
      },
      { type: 'SomethingFromTheFuture', data: {} },
      { type: 'HelpRequestCancelled', data: { requestId: 'r1', reason: 'x' } },
    ];
    expect(foldEvents(deciderFor('request'), history)).toMatchObject({ status: 'cancelled', title: 't' });
    expect(history.reduce(evolveFor('request'), deciderFor('request').initialState)).toMatchObject({
      status: 'cancelled',
    });
  });
  it('has a decider for every category', () =>
    categories.forEach((category) => expect(deciderFor(category).initialState).toEqual({ status: 'none' })));
});

describe('event types', () => {
  it('lists each type once, each in one category, but attachments in every entity that takes them', () => {
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    expect(eventTypes).toHaveLength(40); // 32 + issue 14a's seven (approval authority, four-eyes window) + DocumentAttached
    eventTypes.forEach((type) => expect(categoryOfEventType(type)).toBeDefined());
    expect(eventTypes.filter((type) => categoriesOfEventType(type).length > 1)).toEqual(['DocumentAttached']);
    expect(categoriesOfEventType('DocumentAttached')).toEqual(['request', 'offer', 'match']);
  });
  it('maps only existing funding events to IATI transaction types', () =>
    Object.keys(iatiTransactionTypeOf).forEach((type) => expect(categoryOfEventType(type)).toBe('match')));
});
