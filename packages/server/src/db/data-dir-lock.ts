import fs from "node:fs";
import path from "node:path";

/** Whether a process with this pid is alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite is single-process: a second server on the
 * same directory would corrupt it, so it is refused with a message that says what to do.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "duban.pid");
  try {
    const other = Number(fs.readFileSync(file, "utf8"));
    if (other && other !== process.pid && isAlive(other))
      throw new Error(
        `数据目录 ${dir} 正被进程 ${other} 使用。内置数据库只能由一个进程打开；多进程部署请设置 DATABASE_URL 使用 PostgreSQL。`,
      );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
