import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { CONSOLE_SETTINGS, ConsoleSettingsController } from './console-settings.controller';
import type { ConsoleSettings } from './console.settings';

/** The repository (or image) root: the nearest folder above this file with a package.json. */
const packageRoot = (from: string): string => {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return from;
  }
};

/** Where `npm run build` writes the console (apps/console/vite.config.ts), from dist/ or from source. */
export const CONSOLE_DIRECTORY = join(packageRoot(__dirname), 'dist', 'console');

/**
 * The web console (apps/console, decision 0200) as static files at /console. The one place that
 * knows how they are served: @nestjs/serve-static speaks to Express and to Fastify (with
 * @fastify/static, already a dependency) through Nest's adapter, so the move of the HTTP adapter
 * does not touch it. The console itself only calls the public API; nothing here needs a token.
 * `/console/settings.json` tells it where to sign in (CONSOLE_OIDC_*).
 */
@Module({})
export class ConsoleModule {
  static forRoot(settings: ConsoleSettings): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: CONSOLE_DIRECTORY,
          serveRoot: '/console',
          serveStaticOptions: { index: ['index.html'], fallthrough: true },
        }),
      ],
      controllers: [ConsoleSettingsController],
      providers: [{ provide: CONSOLE_SETTINGS, useValue: settings }],
    };
  }
}
