// ESLint: TypeScript rules that catch real mistakes; formatting is left to the editor.
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'tmp/**', 'screenshots/**', 'docs/**', 'src/**/data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['scripts/**', 'bench/**', 'src/main.ts', 'src/cli.ts'], rules: { 'no-console': 'off' } },
)
