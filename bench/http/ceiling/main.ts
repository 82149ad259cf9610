import 'reflect-metadata';
import { bootstrapHttpApp, httpAppConfig, loadConfig } from '@multitrack/platform';
import { CeilingModule } from './ceiling.module';

void bootstrapHttpApp(CeilingModule, {
  config: loadConfig(httpAppConfig),
  name: 'bench-ceiling',
  openApi: { title: 'bench ceiling' },
});
