import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The office-document libraries weigh about 9 MB of live heap once loaded; the read paths never need them, so the
// server loads them on first use (`loadExcel`, the document worker) and nothing its start loads may import them.
const HEAVY = new Set(["exceljs", "docx"]);

const here = path.dirname(fileURLToPath(import.meta.url));

/** The specifiers a module loads when it is evaluated: its static imports and re-exports, less `import type`. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** The chains from `entry` to each module that imports a heavy library as a value, e.g. app.ts → … → x.ts → exceljs. */
function heavyChains(entry: string): string[] {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const chains: string[] = [];
  const chainOf = (file: string): string[] => {
    const up = parent.get(file);
    return [...(up ? chainOf(up) : []), path.relative(here, file)];
  };
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const specifier of valueImports(file)) {
      if (HEAVY.has(specifier)) chains.push([...chainOf(file), specifier].join(" → "));
      if (!specifier.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts"));
      if (parent.has(target)) continue;
      parent.set(target, file);
      queue.push(target);
    }
  }
  return chains;
}

describe("the server's start", () => {
  it("loads neither exceljs nor docx: every module buildApp imports leaves them to first use", () => {
    expect(heavyChains(path.join(here, "app.ts"))).toEqual([]);
  });
});
