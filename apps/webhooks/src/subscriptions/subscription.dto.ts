import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'https://ngo.example/multitrack-events', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
    },
    { message: 'url must be an http(s):// URL' },
  )
  url: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['HelpRequestPublished', 'OfferAccepted'],
    description: 'Only these event types; absent: every type the subscriber may see',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[A-Z][A-Za-z0-9]{0,99}$/, { each: true, message: 'eventTypes must be event type names' })
  eventTypes?: string[];
}

export class ReplayDto {
  @ApiProperty({ minimum: 0, description: 'Deliver again every matching event from this log position on' })
  @IsInt()
  @Min(0)
  fromPosition: number;
}
