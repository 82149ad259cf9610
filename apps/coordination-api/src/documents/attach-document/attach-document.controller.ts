import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { AttachDocumentDto } from './attach-document.dto';
import { AttachDocumentCommand } from './attach-document.handler';

const DESCRIPTION =
  'Records `DocumentAttached { documentId, sha256, size, mediaType, purpose }` in the entity’s ' +
  'stream, so its proofs cover the document byte for byte. The document must be the caller’s ' +
  'upload (or its organisation’s): else 422 `document.not-yours`; an unknown id is 422 ' +
  '`document.unknown`, the same document twice 422 `document.already-attached`.';

@ApiTags('documents')
@Controller()
export class AttachDocumentController extends CommandController {
  @TransitionEndpoint('POST', 'v1/requests/:id/attachments', {
    roles: ['officer'],
    status: 201,
    summary: 'Attach an uploaded document to a help request (officer)',
    description: DESCRIPTION,
  })
  toRequest(@Param('id') id: string, @Body() body: AttachDocumentDto, @Context() context: CommandContext) {
    return this.commands.execute(new AttachDocumentCommand('request', id, body, context));
  }

  @TransitionEndpoint('POST', 'v1/offers/:id/attachments', {
    roles: ['officer', 'ngo'],
    status: 201,
    summary: 'Attach an uploaded document to an offer (officer, the offering ngo)',
    description: `${DESCRIPTION} Other NGOs get 404.`,
  })
  toOffer(@Param('id') id: string, @Body() body: AttachDocumentDto, @Context() context: CommandContext) {
    return this.commands.execute(new AttachDocumentCommand('offer', id, body, context));
  }

  @TransitionEndpoint('POST', 'v1/matches/:id/attachments', {
    roles: ['officer', 'ngo'],
    status: 201,
    summary: 'Attach an uploaded document to a match (officer, the matched ngo)',
    description: `${DESCRIPTION} Other NGOs get 404.`,
  })
  toMatch(@Param('id') id: string, @Body() body: AttachDocumentDto, @Context() context: CommandContext) {
    return this.commands.execute(new AttachDocumentCommand('match', id, body, context));
  }
}
