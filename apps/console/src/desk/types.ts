export interface Money {
  amount: string;
  currency: string;
}
export interface HelpRequest {
  id: string;
  title: string;
  description: string;
  tracks: number[];
  country: string;
  budget: Money;
  neededBy: string;
  status: string;
  offerCount: number;
  revision: number;
  matchIds?: string[];
}
export interface Offer {
  id: string;
  requestId: string;
  organizationId: string;
  summary: string;
  amount?: Money;
  startDate: string;
  endDate: string;
  status: string;
  matchId: string | null;
  revision: number;
}
export interface Suggestion {
  kind: 'offer' | 'organization';
  organizationId: string;
  organizationName: string;
  offerId?: string | null;
  score: number;
  reasons: string[];
}
export interface Tranche {
  id: string;
  amount: Money;
  reference: string;
  status: string;
  requestedBy: string;
  approvedBy?: string;
  receipt?: { amount: Money; receivedOn: string; discrepancy?: { expected: Money; received: Money } };
}
export interface Match {
  id: string;
  requestId: string;
  offerId: string;
  organizationId: string;
  status?: string;
  committed: Money;
  disbursed: Money;
  pendingApproval: Money;
  reportedExpenditure: Money;
  confirmedReceived: Money;
  disbursements: Tranche[];
  reports?: { id: string; amount: Money; status: string }[];
  revision: number;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface Written {
  id: string;
  revision: number;
  position: number;
  status?: string;
}
