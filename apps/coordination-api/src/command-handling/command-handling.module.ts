import { Module } from '@nestjs/common';
import { StreamWriter } from './stream-writer';

/** The one way commands write: every feature module that handles commands imports it. */
@Module({ providers: [StreamWriter], exports: [StreamWriter] })
export class CommandHandlingModule {}
