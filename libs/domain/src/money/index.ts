export * from './money';
export * from './currencies';
export * from './parse-money';
export * from './format-money';
export * from './arithmetic';
export * from './wire-state';
