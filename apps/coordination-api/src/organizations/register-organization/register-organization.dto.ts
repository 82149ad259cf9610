import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { CountryField, TitleField, TracksField } from '../../http/dto/fields';

/** IATI organisation identifier (API.md): `{registration agency}-{number}`. */
export const IATI_ORGANIZATION_ID = /^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/;

export class RegisterOrganizationDto {
  @ApiProperty({ example: 'GB-CHC-202918', pattern: IATI_ORGANIZATION_ID.source, maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(IATI_ORGANIZATION_ID, {
    message: 'id must be an IATI organisation identifier such as GB-CHC-202918',
  })
  id: string;

  @TitleField({ example: 'Peace Bridges' })
  name: string;

  @CountryField({ example: 'GB' })
  country: string;

  @TracksField()
  tracks: number[];

  @ApiProperty({
    example: 'contact@peacebridges.example',
    maxLength: 254,
    description: 'Personal data: stored encrypted, erasable',
  })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  contactEmail: string;
}
