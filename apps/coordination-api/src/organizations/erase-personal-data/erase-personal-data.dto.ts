import { ReasonDto } from '../../http/dto/reason.dto';

export class ErasePersonalDataDto extends ReasonDto {}
