import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { AmendRequestController } from './amend-request/amend-request.controller';
import { AmendRequestHandler } from './amend-request/amend-request.handler';
import { CancelRequestController } from './cancel-request/cancel-request.controller';
import { CancelRequestHandler } from './cancel-request/cancel-request.handler';
import { CloseRequestController } from './close-request/close-request.controller';
import { CloseRequestHandler } from './close-request/close-request.handler';
import { GetRequestController } from './get-request/get-request.controller';
import { GetRequestHandler } from './get-request/get-request.handler';
import { ListRequestsController } from './list-requests/list-requests.controller';
import { ListRequestsHandler } from './list-requests/list-requests.handler';
import { MatchSuggestionsController } from './match-suggestions/match-suggestions.controller';
import { MatchSuggestionsHandler } from './match-suggestions/match-suggestions.handler';
import { PublishRequestController } from './publish-request/publish-request.controller';
import { PublishRequestHandler } from './publish-request/publish-request.handler';

@Module({
  imports: [CommandHandlingModule],
  controllers: [
    PublishRequestController,
    AmendRequestController,
    CancelRequestController,
    CloseRequestController,
    ListRequestsController,
    MatchSuggestionsController,
    GetRequestController,
  ],
  providers: [
    PublishRequestHandler,
    AmendRequestHandler,
    CancelRequestHandler,
    CloseRequestHandler,
    ListRequestsHandler,
    MatchSuggestionsHandler,
    GetRequestHandler,
  ],
})
export class RequestsModule {}
