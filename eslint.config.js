import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import briefkit from './eslint/folder-cycles.js';

/** Another stage's internal file (`../layout/pack.js`), or from src/ itself `./layout/pack.js`. */
const SURFACE = {
  regex: '^\\.\\.?/[^/]+/(?!index\\.js$)',
  message: "import another stage through its index.js (add the export there); a stage's own files import each other directly",
};

export default tseslint.config(
  { ignores: ['dist/', 'output/', 'node_modules/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Stage surfaces: another stage is used through its index.ts only, and no two folders import
  // each other (directly or round a loop); see "Stage surfaces" in docs/ARCHITECTURE.md.
  {
    files: ['src/**/*.ts'],
    plugins: { briefkit },
    rules: {
      'no-restricted-imports': ['error', { patterns: [SURFACE] }],
      'briefkit/no-folder-cycle': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/render/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'pdfkit', message: 'only src/render/ imports pdfkit' }], patterns: [SURFACE] }],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
