import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../db/client.js";
import { migrateDatabase, migrationsFolder } from "../db/migrate.js";

/**
 * A migrated, empty PGlite data directory as a tar dump, made once per set of migrations and kept in the system's
 * temporary directory. Creating a PGlite database runs initdb inside WebAssembly (about two seconds) and the
 * migrations add half a second; loading this dump takes about half a second, which the ~80 test apps of the
 * server suite on PGlite pay instead. The key covers every migration file and the PGlite version, so a new
 * migration (or a changed one) makes a new dump, and the migrator still runs after loading it.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `duban-pglite-template-${templateKey()}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openDatabase({});
    try {
      await migrateDatabase(database);
      if (!database.dumpDataDir) throw new Error("an in-memory database opened on PostgreSQL");
      const dump = await database.dumpDataDir();
      // Two workers may make it at once: each writes its own file and renames it into place.
      const partial = `${file}.${process.pid}.${Date.now()}`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/** A hash of the migration files and the PGlite version the dump was made with. */
function templateKey(): string {
  const hash = createHash("sha256");
  hash.update(pgliteVersion());
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(migrationsFolder);
  return hash.digest("hex").slice(0, 16);
}

/** The installed PGlite's version, read from the package.json above its resolved entry point. */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}
