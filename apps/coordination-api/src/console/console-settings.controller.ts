import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@multitrack/auth';
import type { ConsoleSettings } from './console.settings';

export const CONSOLE_SETTINGS = Symbol('CONSOLE_SETTINGS');

/** The console's own file, not part of the API: where to sign in and where the claims are. */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleSettingsController {
  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  @Get('settings.json')
  read(): ConsoleSettings {
    return this.settings;
  }
}
