import { ReasonDto } from '../../http/dto/reason.dto';

export class WithdrawOfferDto extends ReasonDto {}
