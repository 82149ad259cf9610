import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { OfferTransition } from '../offer-transition';

export class WithdrawOfferCommand extends TransitionCommand<ReasonDto> {}

@CommandHandler(WithdrawOfferCommand)
export class WithdrawOfferHandler extends OfferTransition<WithdrawOfferCommand> {
  protected command({ body }: WithdrawOfferCommand) {
    return { type: 'WithdrawOffer', data: { reason: body.reason } } as const;
  }
}
