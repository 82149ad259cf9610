/** What an NGO offers: money, goods or services in kind, or people's expertise (decision 0185). */
export type OfferKind = 'funding' | 'in-kind' | 'expertise';

export const offerKinds: readonly OfferKind[] = ['funding', 'in-kind', 'expertise'];
