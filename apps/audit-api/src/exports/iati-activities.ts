import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { xmlSafe } from '@multitrack/platform';
import type { FundingDirectory, MatchEntry } from '../funding/funding-directory';
import type { FundingTransaction } from '../funding/funding-transaction';
import { iatiCategoryOf, type DocumentLink } from './document-links';
import { iatiTypeOf } from '../funding/funding-transaction';
import type { Funder } from './funding-csv';

/** IATI OrganisationType: 10 government; 21 international NGO; 24 NGO based in the recipient country. */
const GOVERNMENT = '10';
const ngoTypeOf = (organizationCountry: string | undefined, recipientCountry: string) =>
  organizationCountry === recipientCountry ? '24' : '21';

/** IATI ActivityStatus: 2 implementation, 3 finalisation, 5 cancelled. */
const activityStatusOf: Record<MatchEntry['status'], string> = {
  active: '2',
  completed: '3',
  cancelled: '5',
};

/**
 * Every attribute and text of an activity comes from the log, which may hold characters XML 1.0
 * forbids (written before the input rule refused them): they become U+FFFD here, and only here,
 * so the NDJSON export still shows exactly what was hashed.
 */
const ele = (parent: XMLBuilder, element: string, attributes: Record<string, string> = {}) =>
  parent.ele(
    element,
    Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, xmlSafe(value)])),
  );
const txt = (element: XMLBuilder, text: string) => element.txt(xmlSafe(text));
const narrative = (
  parent: XMLBuilder,
  element: string,
  text: string,
  attributes: Record<string, string> = {},
) => txt(ele(ele(parent, element, attributes), 'narrative'), text);

const org = (parent: XMLBuilder, element: string, ref: string, type: string, name: string, role?: string) =>
  narrative(parent, element, name, { ref, ...(role ? { role } : {}), type });

export interface ActivityInput {
  match: MatchEntry;
  directory: FundingDirectory;
  funder: Funder;
  transactions: FundingTransaction[];
  /** Documents attached to the match, its request or its offer (not personal ones). */
  documents?: DocumentLink[];
}

/** One match as an IATI 2.03 `iati-activity` (element order as the schema's sequence). */
export const iatiActivity = ({
  match,
  directory,
  funder,
  transactions,
  documents = [],
}: ActivityInput): string => {
  const request = directory.requests.get(match.requestId);
  const implementer = directory.organizations.get(match.organizationId);
  const country = request?.country ?? '';
  const ngoType = ngoTypeOf(implementer?.country, country);
  const activity = ele(fragment(), 'iati-activity', {
    'last-updated-datetime': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    'xml:lang': 'en',
    'default-currency': match.currency,
  });
  txt(ele(activity, 'iati-identifier'), `${funder.ref}-${match.matchId}`);
  org(activity, 'reporting-org', funder.ref, GOVERNMENT, funder.name);
  narrative(activity, 'title', request?.title ?? match.matchId);
  narrative(
    activity,
    'description',
    request?.description || `Match ${match.matchId} of request ${match.requestId}`,
    { type: '1' },
  );
  org(activity, 'participating-org', funder.ref, GOVERNMENT, funder.name, '1');
  org(
    activity,
    'participating-org',
    match.organizationId,
    ngoType,
    implementer?.name ?? match.organizationId,
    '4',
  );
  ele(activity, 'activity-status', { code: activityStatusOf[match.status] });
  ele(activity, 'activity-date', { 'iso-date': match.madeAt.toISOString().slice(0, 10), type: '2' });
  if (country) ele(activity, 'recipient-country', { code: country, percentage: '100' });
  for (const t of transactions) {
    const transaction = ele(activity, 'transaction', { ref: `${t.streamId}@${t.revision}` });
    ele(transaction, 'transaction-type', { code: iatiTypeOf[t.kind] });
    ele(transaction, 'transaction-date', { 'iso-date': t.valueDate });
    txt(
      ele(transaction, 'value', { currency: t.amount.currency, 'value-date': t.valueDate }),
      t.amount.amount,
    );
    narrative(
      transaction,
      'description',
      t.reference ? `${t.description} (reference ${t.reference})` : t.description,
    );
    if (t.kind === 'expenditure') {
      org(transaction, 'provider-org', match.organizationId, ngoType, t.organizationName);
    } else {
      org(transaction, 'provider-org', funder.ref, GOVERNMENT, funder.name);
      org(transaction, 'receiver-org', match.organizationId, ngoType, t.organizationName);
    }
  }
  // After the transactions, as the schema's sequence has it. The URL is the API's own path: the
  // document is served to whoever may read the entity, and its SHA-256 in the title lets anyone
  // holding a copy check it against the log.
  for (const document of documents) {
    const link = ele(activity, 'document-link', {
      format: document.mediaType,
      url: `/v1/documents/${document.documentId}`,
    });
    narrative(link, 'title', `${document.filename ?? document.purpose} (sha-256 ${document.sha256})`);
    ele(link, 'category', { code: iatiCategoryOf[document.purpose] });
    ele(link, 'document-date', { 'iso-date': document.attachedOn });
  }
  return activity.end({ prettyPrint: true, headless: true });
};

export const iatiOpening = (generatedAt: Date): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt.toISOString().replace(/\.\d+Z$/, 'Z')}">\n`;

export const iatiClosing = '</iati-activities>\n';
