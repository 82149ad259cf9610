import { rankSuggestions, scoreCandidate, type CandidateFacts, type RequestFacts } from './suggestion-score';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const request: RequestFacts = { tracks: [2, 5], country: 'CO', budget: usd('300000.00') };
const organization = (changes: Partial<CandidateFacts['organization']> = {}) => ({
  id: 'CO-NIT-1',
  name: 'Puentes',
  tracks: [2, 5],
  country: 'CO',
  ...changes,
});

describe('scoreCandidate', () => {
  it('gives full marks to a local organisation on every track, offering within budget, that reported all it was paid', () => {
    const suggestion = scoreCandidate(request, {
      organization: organization(),
      offer: { id: 'offer-1', kind: 'funding', amount: usd('250000.00') },
      record: { disbursed: usd('1000.00'), reportedExpenditure: usd('1000.00') },
    });
    expect(suggestion).toMatchObject({ kind: 'offer', offerId: 'offer-1', score: 100 });
    expect(suggestion.reasons).toEqual([
      'works on 2 of the request’s 2 track(s): 2, 5',
      'based in CO, where the help is needed',
      'offers 250000.00 USD, within the budget',
      'reported spending 100% of the 1000.00 USD disbursed to it',
    ]);
  });

  it('scores track overlap in proportion and gives no country points elsewhere', () =>
    expect(
      scoreCandidate(request, { organization: organization({ tracks: [5, 9], country: 'GB' }) }),
    ).toMatchObject({
      kind: 'organization',
      offerId: null,
      // 40 × 1/2 tracks + 0 country + 0 amount (no offer) + 10 (no record yet)
      score: 30,
    }));

  it('scales the amount points down by budget / amount for an offer above budget', () =>
    expect(
      scoreCandidate(request, {
        organization: organization(),
        offer: { id: 'o', kind: 'funding', amount: usd('600000.00') },
      }).score,
    ).toBe(40 + 20 + 10 + 10));

  it('gives delivery points by the share of disbursed money reported as spent', () =>
    expect(
      scoreCandidate(request, {
        organization: organization({ tracks: [9], country: 'GB' }),
        record: { disbursed: usd('1000.00'), reportedExpenditure: usd('250.00') },
      }).score,
    ).toBe(5));
});

describe('offers that are not money', () => {
  const reasonOf = (offer: CandidateFacts['offer']) =>
    scoreCandidate(request, { organization: organization(), offer }).reasons[2];
  it('scores an in-kind or expertise offer without a value in full: it asks nothing of the budget', () => {
    expect(reasonOf({ id: 'o', kind: 'expertise' })).toBe(
      'offers expertise, not money: nothing asked of the budget',
    );
    expect(
      scoreCandidate(request, { organization: organization(), offer: { id: 'o', kind: 'in-kind' } }).score,
    ).toBe(40 + 20 + 20 + 10);
  });
  it('judges an estimated value like money, and says what kind it is', () =>
    expect(reasonOf({ id: 'o', kind: 'in-kind', amount: usd('600000.00') })).toBe(
      'offers goods or services in kind, valued at 600000.00 USD, above the budget of 300000.00',
    ));
});

describe('rankSuggestions', () => {
  it('puts the higher score first, and an offer before an equal organisation', () => {
    const ranked = rankSuggestions(request, [
      { organization: organization({ id: 'GB-CHC-2', country: 'GB' }) },
      { organization: organization({ id: 'CO-NIT-3' }) },
      {
        organization: organization({ id: 'CO-NIT-4', tracks: [1] }),
        offer: { id: 'o-4', kind: 'funding', amount: usd('1.00') },
      },
    ]);
    expect(ranked.map((s) => [s.organizationId, s.score])).toEqual([
      ['CO-NIT-3', 70],
      ['CO-NIT-4', 50],
      ['GB-CHC-2', 50],
    ]);
  });
});
