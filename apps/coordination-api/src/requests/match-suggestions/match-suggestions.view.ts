import { ApiProperty } from '@nestjs/swagger';

export class SuggestionView {
  @ApiProperty({
    enum: ['offer', 'organization'],
    description: 'A submitted offer, or a vetted organisation that has not offered',
  })
  kind: 'offer' | 'organization';
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, nullable: true }) offerId: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'See docs/api.md for the formula' }) score: number;
  @ApiProperty({ type: [String], description: 'One sentence per part of the score' }) reasons: string[];
}

export class MatchSuggestionsView {
  @ApiProperty() requestId: string;
  @ApiProperty({ description: 'The request’s revision the suggestions were computed against' })
  revision: number;
  @ApiProperty({ type: [SuggestionView] }) items: SuggestionView[];
}
