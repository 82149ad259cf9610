/**
 * The Nest injection token for the app's `Database` (from @multitrack/database). `Symbol.for`
 * so that every module asking for "the database" gets the same provider.
 */
export const DATABASE = Symbol.for('multitrack.Database');
