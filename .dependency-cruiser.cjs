/** Dependency rules of STYLE.md §2, checked by `npm run check` and CI. */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    { name: 'platform-imports-no-module', comment: 'platform/ knows no FOI, letters or publishing', severity: 'error', from: { path: '^src/platform/' }, to: { path: '^src/modules/' } },
    { name: 'platform-imports-no-app', severity: 'error', from: { path: '^src/(platform|modules)/' }, to: { path: '^src/(app|main|cli|runtime)\\.ts$' } },
    { name: 'orgs-and-calendar-depend-on-no-module', severity: 'error', from: { path: '^src/modules/(orgs|calendar)/' }, to: { path: '^src/modules/(?!orgs/|calendar/)' } },
    { name: 'calendar-independent-of-orgs', severity: 'error', from: { path: '^src/modules/calendar/' }, to: { path: '^src/modules/orgs/' } },
    {
      name: 'modules-through-index-only',
      comment: 'another module is reached through its index.ts, never its repository or tables',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    { name: 'migrations-frozen', comment: 'migrations never import application code', severity: 'error', from: { path: '^src/migrations/' }, to: { path: '^src/(?!migrations/)' } },
    { name: 'no-test-code-in-src', severity: 'error', from: { path: '^src/', pathNot: '\\.test\\.tsx?$' }, to: { path: '(^test/|\\.test\\.tsx?$)' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.tsx?$' },
  },
}
