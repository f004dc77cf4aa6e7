// Import boundaries checked by `npm run lint:deps` (part of `npm run lint`, so `npm test` fails on a violation).
// The rule in one line: a server module is reached only through its `index.ts`, its repositories stay inside it,
// `http/` and `db/` never reach a feature, the web never reaches the server, and nothing imports in a circle.
const server = "^packages/server/src/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "repository-outside-its-module",
      comment:
        "A *.repository.ts holds its module's SQL and is private to that folder: call the module's index.ts instead.",
      severity: "error",
      // $1 is the importer's folder: a feature under modules/, else the top-level folder (jobs, cli, test …).
      from: { path: `${server}(modules/[^/]+|(?!modules/)[^/]+)/` },
      to: { path: "\\.repository\\.ts$", pathNot: `${server}$1/` },
    },
    {
      name: "module-outside-its-index",
      comment:
        "Another module, jobs/, notify/, cli/, seed/ and the harness reach a feature only through modules/<feature>/index.ts.",
      severity: "error",
      // $1 is the importer's own module folder (or a top-level folder), which may import its files directly.
      from: { path: `${server}(modules/[^/]+/|(?!modules/)[^/]+/)`, pathNot: `${server}test/` },
      to: { path: `${server}modules/[^/]+/(?!index\\.ts$)`, pathNot: `${server}$1` },
    },
    {
      name: "module-outside-its-index",
      comment:
        "app.ts is where routes are registered: it imports each module's *.routes.ts and nothing else inside.",
      severity: "error",
      from: { path: `${server}[^/]+\\.ts$` },
      to: { path: `${server}modules/[^/]+/(?!index\\.ts$|[^/]+\\.routes\\.ts$)` },
    },
    {
      name: "module-outside-its-index",
      comment:
        "The refusal matrix reads each module's *.access.ts table; anything else comes through index.ts.",
      severity: "error",
      from: { path: `${server}test/` },
      to: { path: `${server}modules/[^/]+/(?!index\\.ts$|[^/]+\\.access\\.ts$)` },
    },
    {
      name: "plumbing-imports-a-feature",
      comment: "http/ and db/ are below every feature: they must not import modules/.",
      severity: "error",
      from: { path: `${server}(http|db)/` },
      to: { path: `${server}modules/` },
    },
    {
      name: "web-imports-server",
      comment: "The web talks to the server over HTTP only; shared types live in packages/domain.",
      severity: "error",
      from: { path: "^packages/web/" },
      to: { path: "^packages/server/" },
    },
    {
      name: "no-cycle",
      comment:
        "Imports point one way: a cycle means two files should be one, or a shared part should move down.",
      severity: "error",
      from: { path: "^packages/(server|domain)/src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "import", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
  },
};
