import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class MakeMatchDto {
  @ApiProperty({ description: 'The help request to match' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  requestId!: string;

  @ApiProperty({ description: 'The submitted offer to accept; the request’s other offers are declined' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  offerId!: string;
}
