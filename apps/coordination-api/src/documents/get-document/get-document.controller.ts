import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses, type HttpReply } from '@multitrack/platform';
import { GetDocumentQuery, type ServedDocument } from './get-document.handler';

const HEADERS = {
  ETag: { description: '`"<sha256 hex>"` of the document', schema: { type: 'string' } },
  'Repr-Digest': { description: 'RFC 9530: `sha-256=:<base64>:`', schema: { type: 'string' } },
};

/** RFC 6266 with RFC 8187 encoding, so no name can break out of the header. */
const dispositionOf = (filename: string | null) =>
  filename === null ? 'attachment' : `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

@ApiTags('documents')
@Controller('v1/documents')
export class GetDocumentController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('officer', 'ngo', 'auditor')
  @ApiOperation({
    summary: 'Download a document: its uploader, and whoever may read an entity it is attached to',
    description:
      'Others get 404. A single `Range: bytes=…` is answered 206 (not for personal documents, ' +
      'which are sealed whole); `If-None-Match` with the ETag answers 304. A personal document ' +
      'whose organisation was erased answers 410, while its hash and proof remain.',
  })
  @ApiHeader({ name: 'Range', required: false, description: 'One range, e.g. `bytes=0-1023`' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The bytes, with the `Content-Type` they were uploaded as',
    headers: HEADERS,
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 206, description: 'The range asked for', headers: HEADERS })
  @ApiResponse({ status: 304, description: 'Unchanged (If-None-Match)' })
  @ApiQueryResponses()
  @ApiProblemResponses(410, 416)
  async get(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: HttpReply,
  ): Promise<void> {
    const served: ServedDocument = await this.queries.execute(new GetDocumentQuery(id, actor, range));
    const { document } = served;
    const etag = `"${document.sha256}"`;
    reply
      .header('ETag', etag)
      .header('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
      .header('Cache-Control', 'private, no-cache')
      .header('Content-Disposition', dispositionOf(document.filename));
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      served.bytes.destroy();
      reply.code(304).send();
      return;
    }
    if (!document.sealed) reply.header('Accept-Ranges', 'bytes');
    reply.header('Content-Type', document.mediaType);
    if (served.range) {
      const { start, end } = served.range;
      reply
        .code(206)
        .header('Content-Range', `bytes ${start}-${end}/${document.size}`)
        .header('Content-Length', String(end - start + 1));
    } else reply.code(200).header('Content-Length', String(document.size));
    await reply.send(served.bytes);
  }
}
