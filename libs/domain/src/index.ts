export * from './shared/decider';
export * from './shared/rules';
export * from './shared/streams';
export * from './shared/fold';
export * from './money';

export * from './organization/organization.commands';
export * from './organization/organization.events';
export * from './organization/organization.state';

export * from './request/request.commands';
export * from './request/request.events';
export * from './request/request.state';

export * from './offer/offer.commands';
export * from './offer/offer.events';
export * from './offer/offer.state';

export * from './match/match.commands';
export * from './match/match.events';
export * from './match/match.state';
