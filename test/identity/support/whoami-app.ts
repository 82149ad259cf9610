import { Controller, Get, Module } from '@nestjs/common';

import { Actor, CurrentActor, ROLES, Roles } from '@multitrack/auth';
import { createHttpApp, httpAppConfig, parseConfig, type HttpApp } from '@multitrack/platform';

@Controller('whoami')
class WhoAmIController {
  @Get()
  @Roles(...ROLES)
  whoami(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}

@Module({ controllers: [WhoAmIController] })
class WhoAmIModule {}

export interface WhoAmIApp {
  /** The status and body of `GET /whoami` with this bearer token. */
  ask(token: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * The platform's HTTP app (the same `createHttpApp`, config schema and guard every app uses) around
 * one route that answers with the verified actor, configured from `env` as an app would be.
 */
export const startWhoAmIApp = async (env: Record<string, string>): Promise<WhoAmIApp> => {
  const config = parseConfig(httpAppConfig, { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app: HttpApp = await createHttpApp(WhoAmIModule, {
    config,
    openApi: { title: 'whoami' },
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    async ask(token) {
      const response = await fetch(`${url}/whoami`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    close: () => app.close(),
  };
};
