// One Jest run, two projects: fast unit specs beside the code, and tests in test/ that need real
// servers (PostgreSQL, Kafka) which the global setup starts when they are not already up.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@multitrack/(.*)$': '<rootDir>/libs/$1/src',
  // @fastify/static (Swagger UI's files) requires content-disposition 3, published only as an ES
  // module, which Jest's CommonJS runtime cannot require (Node itself can). Under Jest it gets the
  // CommonJS 1.x line of the same function (installed with Express, the bench's reference).
  '^content-disposition$': require.resolve('content-disposition'),
};
module.exports = {
  // Real servers and child processes: generous per-test time, never a timing assertion.
  testTimeout: 120_000,
  // Two files at a time on two cores: most of a file's time is spent waiting for servers and child
  // processes, so one worker left a core idle and the suite near its 20-minute budget. Every file
  // has its own databases, topics and ports, so files never share state.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/setup/test-order.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/libs/**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
