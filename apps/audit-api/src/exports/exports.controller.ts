import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Database } from '@multitrack/database';
import { DocumentCatalog } from '@multitrack/documents';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE, type HttpReply } from '@multitrack/platform';
import { fundingFlows, matchFlows, readDirectory } from '../funding/funding-flows';
import { AuditRoute } from '../http/audit-route';
import { ExportQuery, NoQuery } from '../http/queries';
import { streamResponse } from '../http/stream-response';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { documentLinksOf } from './document-links';
import { AuditLog } from '../transparency/audit-log.service';
import { Funder, fundingCsv } from './funding-csv';
import { iatiActivity, iatiClosing, iatiOpening } from './iati-activities';
import { logNdjson } from './log-ndjson';

/** A streamed, non-JSON answer: documented as a string of that media type, downloaded as `filename`. */
const ApiFile = (mediaType: string, filename: string, description: string) =>
  ApiOkResponse({
    description: `${description}; sent as the attachment \`${filename}\``,
    content: { [mediaType]: { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': {
        description: `attachment; filename="${filename}"`,
        schema: { type: 'string' },
      },
    },
  });

const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

@Controller('v1/audit/export')
export class ExportsController {
  private readonly funder: Funder;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
    log: AuditLog,
  ) {
    this.funder = { ref: log.settings.AUDIT_FUNDER_REF, name: log.settings.AUDIT_FUNDER_NAME };
  }

  private documents?: Promise<DocumentCatalog>;

  /** Opened on first use: the catalog's tables may be another app's to create (the coordination API). */
  private catalog(): Promise<DocumentCatalog> {
    this.documents ??= DocumentCatalog.open(this.db);
    return this.documents;
  }

  /** The log as NDJSON, streamed; filters by position, stream category and recorded time. */
  @Get()
  @AuditRoute('auditor')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'The log as NDJSON, streamed' })
  @ApiFile(
    'application/x-ndjson',
    'audit-log.ndjson',
    'One event per line, each exactly as `GET /v1/audit/events` shows it (`AuditEventResponse`)',
  )
  async ndjson(
    @Query() query: ExportQuery,
    @Res() response: HttpReply,
    @Recorded() read: RecordedRead,
  ): Promise<void> {
    const filter = {
      fromPosition: query.fromPosition,
      category: query.category,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    await read.heavy(query, () =>
      streamResponse(
        response,
        'application/x-ndjson; charset=utf-8',
        logNdjson(this.store, this.db, filter),
        attachment('audit-log.ndjson'),
      ),
    );
  }

  /** The funding flows as IATI 2.03 activity XML: one activity per match, streamed activity by activity. */
  @Get('iati')
  @AuditRoute('auditor')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The funding flows as IATI 2.03 activity XML' })
  @ApiFile(
    'application/xml',
    'iati-activities.xml',
    'One `iati-activity` per match; transaction types 2 commitment, 3 disbursement, 4 expenditure',
  )
  async iati(
    @NoQuery() query: object,
    @Res() response: HttpReply,
    @Recorded() read: RecordedRead,
  ): Promise<void> {
    const { store, funder } = this;
    const catalog = await this.catalog();
    async function* document(): AsyncGenerator<string> {
      const directory = await readDirectory(store);
      yield iatiOpening(new Date());
      for (const match of directory.matches.values()) {
        const transactions = [];
        for await (const transaction of matchFlows(store, directory, match.matchId))
          transactions.push(transaction);
        const documents = await documentLinksOf(store, catalog, match);
        yield `${iatiActivity({ match, directory, funder, transactions, documents })}\n`;
      }
      yield iatiClosing;
    }
    await read.heavy(query, () =>
      streamResponse(
        response,
        'application/xml; charset=utf-8',
        document(),
        attachment('iati-activities.xml'),
      ),
    );
  }

  /** The funding flows as CSV with an HXL hashtag row, one row per transaction, streamed. */
  @Get('funding.csv')
  @AuditRoute('auditor')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The funding flows as CSV with an HXL hashtag row' })
  @ApiFile(
    'text/csv',
    'funding.csv',
    'One row per transaction; the second row holds HXL hashtags (`#org+name+funder`, `#org+name+impl`, `#value+funding`, `#currency`, `#date`, …)',
  )
  async csv(
    @NoQuery() query: object,
    @Res() response: HttpReply,
    @Recorded() read: RecordedRead,
  ): Promise<void> {
    await read.heavy(query, () =>
      streamResponse(
        response,
        'text/csv; charset=utf-8',
        fundingCsv(fundingFlows(this.store), this.funder),
        attachment('funding.csv'),
      ),
    );
  }
}
