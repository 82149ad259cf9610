import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiProblemResponses, type HttpRequest } from '@multitrack/platform';
import { DOCUMENT_UPLOAD } from '../document-upload-parser';
import { DocumentView } from '../document.view';
import { UploadDocumentCommand } from './upload-document.handler';
import { UploadDocumentQuery } from './upload-document.query';

/** The OOXML family is open-ended; these are the members a client is likely to send. */
const DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

const contentLengthOf = (request: HttpRequest): number | undefined => {
  const header = request.headers['content-length'];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
};

@ApiTags('documents')
@Controller('v1/documents')
export class UploadDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RouteConfig(DOCUMENT_UPLOAD)
  @Roles('officer', 'ngo')
  @ApiOperation({
    summary: 'Upload an evidence document (officer, ngo): the raw bytes',
    description:
      'The body is the document itself, streamed and hashed as it arrives. `Content-Type` must be ' +
      'one of application/pdf, image/png, image/jpeg, text/plain, text/csv or ' +
      'application/vnd.openxmlformats-officedocument.*, and the bytes must bear that type’s ' +
      'signature (else 415); at most DOCUMENT_MAX_BYTES (default 25 MiB, else 413). An upload ' +
      'attached to nothing within DOCUMENT_UNATTACHED_RETENTION_HOURS is removed. ' +
      '`Idempotency-Key` is not honoured here: a streamed body cannot be compared before it is read, ' +
      'and a repeated upload only leaves an unattached copy to be swept.',
  })
  @ApiConsumes(...DOCUMENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The document’s bytes' })
  @ApiCreatedResponse({ type: DocumentView, description: 'Stored; attach it with `…/attachments`' })
  @ApiProblemResponses(400, 401, 403, 413, 415, 422, 429)
  upload(@Req() request: HttpRequest, @Query() query: UploadDocumentQuery, @CurrentActor() actor: Actor) {
    return this.commands.execute(
      new UploadDocumentCommand(
        request.body,
        request.headers['content-type'],
        contentLengthOf(request),
        query,
        actor,
      ),
    );
  }
}
