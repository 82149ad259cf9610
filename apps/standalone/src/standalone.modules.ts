import { AuditApiModule } from '../../audit-api/src/audit-api.module';
import { AuditSettings } from '../../audit-api/src/audit-settings';
import { coordinationSettingsOf } from '../../coordination-api/src/coordination-api.config';
import { CoordinationApiModule } from '../../coordination-api/src/coordination-api.module';
import { ProjectorSettings } from '../../projector/src/projector.config';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RelaySettings } from '../../relay/src/relay.config';
import { RelayModule } from '../../relay/src/relay.module';
import { WebhooksModule } from '../../webhooks/src/webhooks.module';
import { WebhooksSettings } from '../../webhooks/src/webhooks-settings';
import type { StandaloneConfig } from './standalone.config';

/** Every app of Multitrack in one process, each given its own settings (docs/decisions/0002). */
export const standaloneModules = (config: StandaloneConfig, masterKey: Uint8Array) => [
  CoordinationApiModule.forRoot(coordinationSettingsOf(config, masterKey)),
  AuditApiModule.forRoot(new AuditSettings(config)),
  RelayModule.forRoot(new RelaySettings(config)),
  ProjectorModule.forRoot(new ProjectorSettings(config)),
  WebhooksModule.forRoot(new WebhooksSettings(config)),
];
