export { DATABASE, EVENT_STORE, MESSAGE_BUS, PERSONAL_DATA_VAULT } from './tokens';
export { InfrastructureModule, Infrastructure } from './infrastructure.module';
export { AppRootModule } from './app-root.module';
export { openServerInfrastructure, ServerSettings, ServerNeeds } from './open-server-infrastructure';
export { runMain } from './run-main';
