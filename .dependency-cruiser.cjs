/**
 * The house rules of src/, checked by `npm run check` (and so by CI): which folder may import
 * which. Floors, from the bottom up:
 *
 *   1  domain, config, log, metrics      pure rules; the environment; logs; metrics
 *   2  i18n, reports, csv                 words, report arithmetic, the CSV codec (RFC 4180)
 *   3  import-export                      the product's import/export file format, over the codec
 *   4  store                              the only code that speaks SQL
 *   5  bot                                Teams: activities, dialogs, cards
 *   6  notify, http                       proactive delivery; the HTTP server
 *   7  app, cli                           wiring
 *   8  main                               the process
 *
 * Nothing imports from a floor above its own, nor from a sibling on its floor unless said here.
 */

/** A folder (or file) under src/, as a path pattern. */
const src = (...names) => `^src/(${names.join('|')})(/|\\.ts$)`;

/** Each floor and the floors above it. */
const ABOVE = {
  domain: [
    'i18n',
    'reports',
    'csv',
    'import-export',
    'store',
    'bot',
    'notify',
    'http',
    'app',
    'cli',
    'main',
  ],
  config: [
    'i18n',
    'reports',
    'csv',
    'import-export',
    'store',
    'bot',
    'notify',
    'http',
    'app',
    'cli',
    'main',
  ],
  log: [
    'i18n',
    'reports',
    'csv',
    'import-export',
    'store',
    'bot',
    'notify',
    'http',
    'app',
    'cli',
    'main',
  ],
  metrics: [
    'i18n',
    'reports',
    'csv',
    'import-export',
    'store',
    'bot',
    'notify',
    'http',
    'app',
    'cli',
    'main',
  ],
  i18n: ['import-export', 'store', 'bot', 'notify', 'http', 'app', 'cli', 'main'],
  reports: ['import-export', 'store', 'bot', 'notify', 'http', 'app', 'cli', 'main'],
  csv: ['import-export', 'store', 'bot', 'notify', 'http', 'app', 'cli', 'main'],
  'import-export': ['store', 'bot', 'notify', 'http', 'app', 'cli', 'main'],
  store: ['bot', 'notify', 'http', 'app', 'cli', 'main'],
  bot: ['notify', 'http', 'app', 'cli', 'main'],
  notify: ['http', 'app', 'cli', 'main'],
  http: ['notify', 'app', 'cli', 'main'],
  app: ['cli', 'main'],
  cli: ['app', 'main'],
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain imports nothing outside itself: no I/O, no framework, no node built-ins.',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'only-store-speaks-sql',
      severity: 'error',
      comment: 'Only src/store imports the database drivers and Kysely.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: 'node_modules/(kysely|pg|better-sqlite3|pg-[^/]+)/' },
    },
    {
      name: 'kysely-and-zod-values-through-their-doors',
      severity: 'error',
      comment:
        "kysely's and zod's values come from their CommonJS builds, through src/store/kysely.ts and src/config/zod.ts (one copy of each in the process, ~11 MiB less idle memory, issue 20); elsewhere only their types, by `import type`.",
      from: { path: '^src/', pathNot: '^src/(store/kysely|config/zod)\\.ts$' },
      to: { path: 'node_modules/(kysely|zod)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'one-door-to-the-store',
      severity: 'error',
      comment:
        'Outside src/store, the store is reached through src/store/index.ts only (the Store and its public types): never its context, its transactions or its modules.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/', pathNot: '^src/store/index\\.ts$' },
    },
    ...Object.entries(ABOVE).map(([floor, above]) => ({
      name: `no-import-up-from-${floor}`,
      severity: 'error',
      comment: `src/${floor} imports nothing from a floor above its own (${above.join(', ')}).`,
      from: { path: src(floor) },
      to: { path: src(...above) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
