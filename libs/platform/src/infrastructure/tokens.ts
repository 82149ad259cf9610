/**
 * Injection tokens for the adapters an app's `main.ts` opens and hands to its modules. `Symbol.for`
 * so that every module of one process, standalone included, resolves the same provider.
 */
export const DATABASE = Symbol.for('multitrack.Database');
export const EVENT_STORE = Symbol.for('multitrack.EventStore');
export const MESSAGE_BUS = Symbol.for('multitrack.MessageBus');
export const PERSONAL_DATA_VAULT = Symbol.for('multitrack.PersonalDataVault');
