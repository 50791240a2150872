import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.wrangler', 'test-results', 'data', 'tmp-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // start.mjs is plain JavaScript (it must run before anything can compile TypeScript).
        projectService: { allowDefaultProject: ['src/node/*.mjs'] },
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
