import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Type-only imports cross every boundary freely: they vanish at build time; values make a dependency.
const noViews = {
  group: ['**/views/**'],
  allowTypeImports: true,
  message: 'Only page routes (*.routes.tsx) and src/http/render|errors render views.',
};
const kernelOnly = {
  group: ['../*.js', '**/modules/**', '**/auth/**', '**/http/**', '**/views/**', '**/jobs/**'],
  message: 'src/lib is the kernel: it imports no module, auth, http, job, view or app file.',
};
const noDatabase = {
  group: ['kysely', '**/*.queries.js', '**/*.service.js', '**/lib/db.js'],
  allowTypeImports: true,
  message: 'Pure rule files and views take plain values: no database, queries or services.',
};
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});
const importBoundaries = [
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.routes.tsx', 'src/http/render.tsx', 'src/http/errors.tsx'],
    rules: restrict(noViews),
  },
  { files: ['src/lib/**/*.ts'], rules: restrict(kernelOnly) },
  {
    // Pure rule files: plain values in and out, so they are unit-testable and fast.
    files: [
      'src/modules/**/*-rules.ts',
      'src/modules/**/*.policy.ts',
      'src/modules/fees/fees.ts',
      'src/modules/fees/fee-lines.ts',
      'src/modules/fees/fee-table.ts',
      'src/modules/fees/statements.ts',
      'src/modules/matching/ranking.ts',
      'src/modules/planner/planner.ts',
      'src/modules/trainings/qualifications.ts',
      'src/modules/availability/availability.ts',
      'src/modules/events/audience.ts',
    ],
    rules: restrict(noViews, noDatabase),
  },
  { files: ['views/**/*.{ts,tsx}'], rules: restrict(noDatabase) },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.wrangler', 'test-results', 'data', 'tmp-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // start.mjs is plain JavaScript (it must run before anything can compile TypeScript).
        projectService: { allowDefaultProject: ['src/node/start.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Interactive transactions do not exist on D1: use the atomic port.',
        },
      ],
    },
  },
  // Import boundaries (docs/architecture.md). One rule entry per file, so each zone repeats the
  // zones it sits in (flat config replaces a rule's options, it does not merge them).
  ...importBoundaries,
  {
    files: [
      'src/server.ts',
      'db/**/*.ts',
      'src/cli/**/*.ts',
      'test/helpers/node-*.ts',
      'src/lib/atomic.node.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests cast response bodies to the shape they assert on.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Browser scripts served to pages (progressive enhancement only).
    files: ['views/public/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
);
