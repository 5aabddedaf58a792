// Lint: the recommended JavaScript and typescript-eslint rules, with the type checker doing
// the heavy lifting (strict tsconfig); a few rules tuned for this code base.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.venv/', 'test-output/', '.web-build/', 'neo4j-launcher/target/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Decorated classes (type-graphql) need their parameter types at run time: told about
    // decorator metadata, the type-import rule leaves those imports as values.
    languageOptions: { parserOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // What is imported only as a type says so (`import type`, `{ type X }`): such imports
      // vanish from the emitted code, and a reader sees which modules are needed at run time.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      // Tests read loosely typed GraphQL results; `any` there is deliberate and local.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain JavaScript that runs before anything is compiled (npm start's launcher).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly' } },
  },
);
