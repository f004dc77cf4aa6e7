// Runs npm scripts side by side and fails when any of them fails: `node scripts/together.mjs main other…`.
// The first script's output is shown as it runs; each other script's is held and shown whole when it ends, so
// the lines of two tools never interleave. Used by `npm test` to check types and style while the tests run (the
// checks write nothing, so they cannot disturb the tests).
import { spawn } from "node:child_process";

const [main, ...others] = process.argv.slice(2);
if (!main) {
  console.error("usage: node scripts/together.mjs <npm script> [<npm script>…]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs one npm script; resolves with its exit code (1 when it could not start or was killed). */
function run(script, live) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "-s", script], { stdio: live ? "inherit" : "pipe" });
    const held = [];
    if (!live) {
      child.stdout.on("data", (b) => held.push(b));
      child.stderr.on("data", (b) => held.push(b));
    }
    child.on("error", (e) => {
      held.push(Buffer.from(`${e.message}\n`));
      resolve({ script, code: 1, held });
    });
    child.on("close", (code) => resolve({ script, code: code ?? 1, held }));
  });
}

const started = Date.now();
const results = await Promise.all([
  run(main, true),
  ...others.map((script) =>
    run(script, false).then((r) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(
        `\n── npm run ${script}: ${r.code === 0 ? "passed" : `failed (exit ${r.code})`} in ${seconds}s\n`,
      );
      process.stdout.write(Buffer.concat(r.held));
      return r;
    }),
  ),
]);
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.map((s) => `npm run ${s}`).join(", ")}`);
  process.exit(1);
}
