/**
 * The architecture as rules (`npm run lint` runs them): no import circles anywhere, dependencies
 * flow from apps to libs, the domain imports nothing of ours but itself, a lib is used through its
 * index only, and command handling knows no HTTP. See docs/architecture.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle, type-only ones included: split the shared piece into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain is plain functions and types: no framework, no I/O, no other lib.',
      from: { path: '^libs/domain/' },
      to: { path: ['^libs/(?!domain/)', 'node_modules/(@nestjs|pg|kafkajs|@eventstore|@kurrent)/'] },
    },
    {
      name: 'libs-through-their-index',
      severity: 'error',
      comment: 'Another lib is used through its public index.ts, never its internals.',
      from: { path: '^(apps|libs/([^/]+))/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: '^libs/$2/' },
    },
    {
      name: 'command-handling-knows-no-http',
      severity: 'error',
      from: { path: '^apps/coordination-api/src/command-handling/' },
      to: { path: ['^apps/coordination-api/src/http/', 'node_modules/(express|fastify|@nestjs/platform-)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|\\.state)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
