import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { FundingDirectory, MatchEntry } from '../funding/funding-directory';
import type { FundingTransaction } from '../funding/funding-transaction';
import { iatiTypeOf } from '../funding/funding-transaction';
import type { Funder } from './funding-csv';

/** IATI OrganisationType: 10 government; 21 international NGO; 24 NGO based in the recipient country. */
const GOVERNMENT = '10';
const ngoTypeOf = (organizationCountry: string | undefined, recipientCountry: string) => (organizationCountry === recipientCountry ? '24' : '21');

/** IATI ActivityStatus: 2 implementation, 3 finalisation, 5 cancelled. */
const activityStatusOf: Record<MatchEntry['status'], string> = { active: '2', completed: '3', cancelled: '5' };

const org = (parent: XMLBuilder, element: string, ref: string, type: string, name: string, role?: string) =>
  parent.ele(element, { ref, ...(role ? { role } : {}), type }).ele('narrative').txt(name).up().up();

export interface ActivityInput {
  match: MatchEntry;
  directory: FundingDirectory;
  funder: Funder;
  transactions: FundingTransaction[];
}

/** One match as an IATI 2.03 `iati-activity` (element order as the schema's sequence). */
export const iatiActivity = ({ match, directory, funder, transactions }: ActivityInput): string => {
  const request = directory.requests.get(match.requestId);
  const implementer = directory.organizations.get(match.organizationId);
  const country = request?.country ?? '';
  const ngoType = ngoTypeOf(implementer?.country, country);
  const activity = fragment().ele('iati-activity', { 'last-updated-datetime': new Date().toISOString().replace(/\.\d+Z$/, 'Z'), 'xml:lang': 'en', 'default-currency': match.currency });
  activity.ele('iati-identifier').txt(`${funder.ref}-${match.matchId}`);
  org(activity, 'reporting-org', funder.ref, GOVERNMENT, funder.name);
  activity.ele('title').ele('narrative').txt(request?.title ?? match.matchId);
  activity.ele('description', { type: '1' }).ele('narrative').txt(request?.description || `Match ${match.matchId} of request ${match.requestId}`);
  org(activity, 'participating-org', funder.ref, GOVERNMENT, funder.name, '1');
  org(activity, 'participating-org', match.organizationId, ngoType, implementer?.name ?? match.organizationId, '4');
  activity.ele('activity-status', { code: activityStatusOf[match.status] });
  activity.ele('activity-date', { 'iso-date': match.madeAt.toISOString().slice(0, 10), type: '2' });
  if (country) activity.ele('recipient-country', { code: country, percentage: '100' });
  for (const t of transactions) {
    const transaction = activity.ele('transaction', { ref: `${t.streamId}@${t.revision}` });
    transaction.ele('transaction-type', { code: iatiTypeOf[t.kind] });
    transaction.ele('transaction-date', { 'iso-date': t.valueDate });
    transaction.ele('value', { currency: t.amount.currency, 'value-date': t.valueDate }).txt(t.amount.amount);
    transaction.ele('description').ele('narrative').txt(t.reference ? `${t.description} (reference ${t.reference})` : t.description);
    if (t.kind === 'expenditure') {
      org(transaction, 'provider-org', match.organizationId, ngoType, t.organizationName);
    } else {
      org(transaction, 'provider-org', funder.ref, GOVERNMENT, funder.name);
      org(transaction, 'receiver-org', match.organizationId, ngoType, t.organizationName);
    }
  }
  return activity.end({ prettyPrint: true, headless: true });
};

export const iatiOpening = (generatedAt: Date): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt.toISOString().replace(/\.\d+Z$/, 'Z')}">\n`;

export const iatiClosing = '</iati-activities>\n';
