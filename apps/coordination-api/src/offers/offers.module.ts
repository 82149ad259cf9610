import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { GetOfferController } from './get-offer/get-offer.controller';
import { GetOfferHandler } from './get-offer/get-offer.handler';
import { ListRequestOffersController } from './list-request-offers/list-request-offers.controller';
import { ListRequestOffersHandler } from './list-request-offers/list-request-offers.handler';
import { ListOffersController } from './list-offers/list-offers.controller';
import { ListOffersHandler } from './list-offers/list-offers.handler';
import { ReviseOfferController } from './revise-offer/revise-offer.controller';
import { ReviseOfferHandler } from './revise-offer/revise-offer.handler';
import { SubmitOfferController } from './submit-offer/submit-offer.controller';
import { SubmitOfferHandler } from './submit-offer/submit-offer.handler';
import { WithdrawOfferController } from './withdraw-offer/withdraw-offer.controller';
import { WithdrawOfferHandler } from './withdraw-offer/withdraw-offer.handler';

@Module({
  imports: [CommandHandlingModule],
  controllers: [
    SubmitOfferController,
    WithdrawOfferController,
    ReviseOfferController,
    ListRequestOffersController,
    ListOffersController,
    GetOfferController,
  ],
  providers: [
    SubmitOfferHandler,
    WithdrawOfferHandler,
    ReviseOfferHandler,
    ListOffersHandler,
    ListRequestOffersHandler,
    GetOfferHandler,
  ],
})
export class OffersModule {}
