import { AuditApiModule } from '../../audit-api/src/audit-api.module';
import { CoordinationApiModule } from '../../coordination-api/src/coordination-api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RelayModule } from '../../relay/src/relay.module';

/** Every app of Multitrack in one process (docs/decisions/0002-apps-compose-into-standalone.md). */
export const standaloneModules = [CoordinationApiModule, AuditApiModule, RelayModule, ProjectorModule];
