import 'reflect-metadata';
import {
  AppRootModule,
  bootstrapHttpApp,
  loadConfig,
  runMain,
  startTracing,
  TracingModule,
} from '@multitrack/platform';
import { loadOrCreateDevelopmentSecret } from './development-secret';
import { openEmbedded } from './open-embedded';
import { standaloneConfig } from './standalone.config';
import { standaloneModules } from './standalone.modules';

runMain('standalone', async () => {
  const tracing = startTracing('multitrack');
  const config = loadConfig(standaloneConfig);
  if (!config.AUTH_JWT_SECRET && !config.AUTH_JWKS_URL) {
    config.AUTH_JWT_SECRET = await loadOrCreateDevelopmentSecret(config.DATA_DIR);
    process.stdout.write(
      `development auth: HS256 secret kept in ${config.DATA_DIR}; mint tokens with: npm run token -- --role officer --sub alice\n`,
    );
  }
  const { infrastructure, masterKey } = await openEmbedded(config);
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      ...standaloneModules(config, masterKey),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'standalone',
      openApi: {
        title: 'Multitrack',
        description:
          'Coordination between a foreign ministry and the NGOs it works with: every app in one process.',
      },
    },
  );
});
