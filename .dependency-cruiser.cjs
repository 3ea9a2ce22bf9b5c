/**
 * The dependency rule of DESIGN.md: `src/core` is the pure domain. It may use
 * pure libraries (luxon, zod, date-holidays, csv-parse) but nothing that does I/O,
 * no platform SDK, and nothing from app/adapters/scheduler/export.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing from app, adapters, storage, scheduler, export or the entry points.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^src/(app|adapters|scheduler|export|cli|main|config)' },
    },
    {
      name: 'core-no-io',
      comment: 'src/core does no I/O: no fs, net, http, child processes, storage or platform SDKs.',
      severity: 'error',
      from: { path: '^src/core' },
      to: {
        path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process|lowdb|pg|node-cron|@slack|@microsoft)',
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
      },
    },
    {
      name: 'core-no-node-modules-io',
      comment: 'No platform SDK or storage engine anywhere in core, whatever the path.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: 'node_modules/(lowdb|pg|@slack|@microsoft|node-cron|pino)/' },
    },
    {
      name: 'app-not-on-adapters',
      comment: 'Use cases take ports; they never import an adapter.',
      severity: 'error',
      // `src/app/`, not `src/app-runtime.ts`: the runtime is where adapters are wired, like main.ts.
      from: { path: '^src/app/' },
      to: { path: '^src/adapters' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // The console's page is browser code loaded by URL (/console/js/…), not part of the node module graph.
    exclude: { path: '^src/adapters/console/web/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
