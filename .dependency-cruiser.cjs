// Import rules of the workspaces, checked by `npm run lint` (depcruise apps packages tooling).
// Dependencies point down: tooling (the repository's own checks) may use anything, apps use
// packages, packages never use apps, apps never use each other, nothing uses tooling.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that need each other cannot be read, tested or moved apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-package-to-app',
      severity: 'error',
      comment: 'Packages sit below the apps: what an app and a package both need belongs in a package.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-import-of-tooling',
      severity: 'error',
      comment: 'tooling/ holds checks of the whole repository: the product never depends on them.',
      from: { path: '^(apps|packages)/' },
      to: { path: '^tooling/' },
    },
    {
      name: 'no-app-to-other-app',
      severity: 'error',
      comment: 'Apps share code only through packages.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    includeOnly: '^(apps|packages|tooling)/',
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // Type-only imports count: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    // Workspace packages resolve through their package.json `exports` to their sources.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
}
