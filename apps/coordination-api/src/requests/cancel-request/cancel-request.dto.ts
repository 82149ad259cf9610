import { ReasonDto } from '../../http/dto/reason.dto';

export class CancelRequestDto extends ReasonDto {}
