export * from './client';
export * from './coordination-app';
export * from './tokens';
export * from './scenario';
export * from './funded-match';
export * from './authorization-matrix';
export * from './event-log';
