#!/usr/bin/env node
// Entry point of the `duban` command; the compiled CLI lives in ../dist (built by `npm install` via prepare).
import { runCli } from "../dist/cli/index.js";

const code = await runCli(process.argv.slice(2));
// `serve` keeps running; every other command ends here.
if (process.argv[2] !== "serve" || code !== 0) process.exit(code);
