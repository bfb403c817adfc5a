// Lint settings. Besides typescript-eslint's strictTypeChecked, this file turns the domain table of
// DESIGN.md into no-restricted-imports rules, so an import against the direction fails the build.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DESIGN.md "Domains": which project domains each folder under src/ may import. */
const EDGE = [
  'core',
  'protocols',
  'model',
  'plant',
  'detection',
  'response',
  'bus',
  'store',
  'net',
];
const DOMAINS = {
  core: [],
  protocols: [],
  model: ['core'],
  plant: ['core', 'model', 'protocols'],
  detection: ['core', 'model', 'protocols'],
  response: ['core', 'model'],
  bus: ['core'],
  store: ['core'],
  net: ['core', 'protocols', 'model', 'plant'],
  gateway: EDGE,
  sensor: EDGE,
  honeypot: EDGE,
  connectors: EDGE,
  integrations: EDGE,
  api: [...EDGE, 'gateway', 'sensor', 'honeypot', 'connectors', 'integrations'],
  app: [...EDGE, 'gateway', 'sensor', 'honeypot', 'connectors', 'integrations', 'api'],
  cli: [...EDGE, 'gateway', 'sensor', 'honeypot', 'connectors', 'integrations', 'api', 'app'],
};

/** Pure domains never touch sockets, files or processes: those come in from outside. */
const IO_MODULES = [
  'net',
  'dgram',
  'tls',
  'http',
  'https',
  'http2',
  'fs',
  'fs/promises',
  'child_process',
];
const PURE = {
  core: IO_MODULES.filter((m) => !m.startsWith('fs')),
  protocols: IO_MODULES,
  model: IO_MODULES.filter((m) => !m.startsWith('fs')),
  plant: IO_MODULES,
  detection: IO_MODULES,
};

const MAX_DEPTH = 6;

function boundaryConfigs() {
  const all = Object.keys(DOMAINS);
  const configs = [];
  for (const [domain, allowed] of Object.entries(DOMAINS)) {
    const forbidden = all.filter((d) => d !== domain && !allowed.includes(d));
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      // A file at src/<domain>/<depth folders>/x.ts reaches a sibling domain with depth+1 "../".
      const up = `^(\\.\\./){${String(depth + 1)}}`;
      const patterns = [];
      if (forbidden.length > 0) {
        patterns.push({
          regex: `${up}(${forbidden.join('|')})(/|$)`,
          message: `src/${domain} may not import this domain: see the domain table in DESIGN.md.`,
        });
      }
      if (allowed.length > 0) {
        patterns.push({
          regex: `${up}(${allowed.join('|')})/(?!index\\.js$)`,
          message: 'Import another domain only through its index.ts (one door per domain).',
        });
      }
      const paths = (PURE[domain] ?? []).flatMap((m) => [
        {
          name: m,
          message: `src/${domain} is pure: sockets, files and processes come in from outside.`,
        },
        {
          name: `node:${m}`,
          message: `src/${domain} is pure: sockets, files and processes come in from outside.`,
        },
      ]);
      configs.push({
        files: [`src/${domain}/${'*/'.repeat(depth)}*.{ts,tsx}`],
        rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
      });
    }
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'web/dist/', '.otsafe/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The CLI, benchmarks and tests talk to a terminal on purpose.
    files: ['src/cli/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests poke at values whose shape they have just asserted.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...boundaryConfigs(),
);
