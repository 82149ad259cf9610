import { applyDecorators, Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor, type Role } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { AttachmentsView } from './attachment.view';
import { ListAttachmentsQuery } from './list-attachments.handler';

const AttachmentsEndpoint = (path: string, roles: [Role, ...Role[]], summary: string) =>
  applyDecorators(
    Get(path),
    Roles(...roles),
    ApiOperation({
      summary,
      description: 'Straight from the entity’s stream: a new attachment shows at once.',
    }),
    ApiOkResponse({ type: AttachmentsView }),
    ApiQueryResponses(),
  );

@ApiTags('documents')
@Controller()
export class ListAttachmentsController extends QueryController {
  @AttachmentsEndpoint(
    'v1/requests/:id/attachments',
    ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    'The documents attached to a help request. Any role.',
  )
  ofRequest(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAttachmentsQuery('request', id, actor));
  }

  @AttachmentsEndpoint(
    'v1/offers/:id/attachments',
    ['officer', 'auditor', 'ngo'],
    'The documents attached to an offer: officer, auditor, the offering ngo (others 404).',
  )
  ofOffer(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAttachmentsQuery('offer', id, actor));
  }

  @AttachmentsEndpoint(
    'v1/matches/:id/attachments',
    ['officer', 'auditor', 'ngo'],
    'The documents attached to a match: officer, auditor, the matched ngo (others 404).',
  )
  ofMatch(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAttachmentsQuery('match', id, actor));
  }
}
