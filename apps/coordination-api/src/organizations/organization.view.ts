import { ApiProperty } from '@nestjs/swagger';
import type { PersonalDataVault } from '@multitrack/personal-data';
import type { OrganizationRecord } from '@multitrack/read-models';

/** `GET /v1/organizations/{id}` (API.md). */
export class OrganizationView {
  @ApiProperty({ example: 'GB-CHC-202918' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'GB' }) country: string;
  @ApiProperty({ type: [Number], example: [2, 5] }) tracks: number[];
  @ApiProperty({ type: String, nullable: true, description: 'null once the personal data is erased' })
  contactEmail: string | null;
  @ApiProperty() personalDataErased: boolean;
  @ApiProperty({ enum: ['pending', 'vetted', 'rejected', 'suspended'] }) status: OrganizationRecord['status'];
  @ApiProperty() revision: number;
}

export class OrganizationPage {
  @ApiProperty({ type: [OrganizationView] }) items: OrganizationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Decrypts the contact e-mail; an erased organisation's key is gone, so it reads as null. */
export const organizationViewOf = async (
  vault: PersonalDataVault,
  record: OrganizationRecord,
): Promise<OrganizationView> => {
  const contactEmail =
    record.contactEmailCiphertext === null || record.personalDataErased
      ? null
      : await vault.decrypt(record.contactEmailCiphertext);
  return {
    id: record.id,
    name: record.name,
    country: record.country,
    tracks: record.tracks,
    contactEmail,
    personalDataErased: record.personalDataErased || contactEmail === null,
    status: record.status,
    revision: record.revision,
  };
};
