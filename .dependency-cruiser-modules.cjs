// Second pass of `npm run lint:deps`: cycles between whole feature folders, in shipped code only. Tests are left
// out because every module's tests reach the shared harness in src/test, which reaches every module through the app.
const { options } = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-module-cycle",
      comment:
        "Features depend one way: when two modules need each other, the shared part belongs to one of them.",
      severity: "error",
      scope: "folder",
      from: { path: "^packages/server/src/modules/[^/]+$" },
      to: { circular: true },
    },
  ],
  options: {
    ...options,
    exclude: { path: "(^|/)(node_modules|dist)/|\\.test\\.ts$|\\.access\\.ts$|^packages/server/src/test/" },
  },
};
