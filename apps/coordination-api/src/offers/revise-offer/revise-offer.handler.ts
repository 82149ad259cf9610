import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import { OfferTransition } from '../offer-transition';
import type { ReviseOfferDto } from './revise-offer.dto';

export class ReviseOfferCommand extends TransitionCommand<ReviseOfferDto> {}

/** Only while the offer is `submitted`; the domain checks the period against the fields kept. */
@CommandHandler(ReviseOfferCommand)
export class ReviseOfferHandler extends OfferTransition<ReviseOfferCommand> {
  protected command({ body: { summary, amount, startDate, endDate } }: ReviseOfferCommand) {
    return {
      type: 'ReviseOffer',
      data: { summary, amount: amount?.toMoney(), startDate, endDate },
    } as const;
  }
}
