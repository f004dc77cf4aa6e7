import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { auditActionLabels, auditActions } from "@duban/domain";
import { describe, expect, it } from "vitest";

const serverSource = fileURLToPath(new URL("../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("audit action names", () => {
  // `audit()` and `insertAudit()` take the domain's AuditAction type, so the compiler refuses an unnamed code;
  // this scan also catches a code kept in a plain string before it reaches them.
  it("has a Chinese name for every action code the server writes", () => {
    const prefixes = [...new Set(auditActions.map((a) => a.split(".")[0]))].join("|");
    const code = new RegExp(`["'\`]((?:${prefixes})\\.[a-z_]+)["'\`]`, "g");
    const written = new Set<string>();
    for (const file of sourceFiles(serverSource)) {
      const text = fs.readFileSync(file, "utf8");
      if (!/\b(audit|insertAudit)\(/.test(text)) continue;
      // Notification kinds (`kind: "rectification.returned"`) share the prefixes but are not audit actions.
      const lines = text.split("\n").filter((line) => !/\bkind: /.test(line));
      for (const match of lines.join("\n").matchAll(code)) written.add(match[1]!);
    }
    // The scan must find the codes it is meant to check, or it proves nothing.
    expect(written.size).toBeGreaterThan(40);
    const unnamed = [...written].filter((c) => !(c in auditActionLabels));
    expect(unnamed).toEqual([]);
  });
});
