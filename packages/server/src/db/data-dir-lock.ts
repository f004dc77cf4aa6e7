import fs from "node:fs";
import path from "node:path";

/** The data directory is held by another live process; the message names it and says what to do. */
export class DataDirBusyError extends Error {}

/** What a lock file records about its holder. */
interface LockHolder {
  pid: number;
  /** `boot id:start tick` of the holder on Linux: a live pid with another identity is a reused number. */
  identity: string | null;
}

/** Whether a process with this pid is alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A file's text, or null when it cannot be read (not Linux, another user's process, gone). */
function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The start of a process in clock ticks since boot (field 22 of /proc/PID/stat). */
function startTicks(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name may hold spaces and parentheses: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}

/** Who a pid is across time: the same number after a reboot or in a new container is another process. */
export function processIdentity(pid: number): string | null {
  const ticks = startTicks(pid);
  const boot = readText("/proc/sys/kernel/random/boot_id")?.trim();
  return ticks === null || !boot ? null : `${boot}:${ticks}`;
}

/** When a process started, as local time text, from its start tick and the boot time in /proc/stat. */
function startedAt(pid: number): string | null {
  const ticks = startTicks(pid);
  const btime = readText("/proc/stat")?.match(/^btime (\d+)$/m)?.[1];
  if (ticks === null || !btime) return null;
  // USER_HZ is 100 on every Linux the server runs on.
  const at = new Date((Number(btime) + ticks / 100) * 1000);
  return at.toLocaleString("zh-CN", { hour12: false });
}

/** A process's command line from /proc, arguments separated by spaces. */
function commandLine(pid: number): string | null {
  const raw = readText(`/proc/${pid}/cmdline`);
  return raw ? raw.replace(/\0+$/, "").split("\0").join(" ") : null;
}

/** Reads a lock file: `pid` alone (older servers) or JSON with the holder's identity. */
function readHolder(file: string): LockHolder | null {
  const text = readText(file)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return { pid: Number(text), identity: null };
  try {
    const parsed = JSON.parse(text) as { pid?: unknown; identity?: unknown };
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, identity: typeof parsed.identity === "string" ? parsed.identity : null };
  } catch {
    return null;
  }
}

/** The refusal naming the holder: pid, command line and start time when /proc tells them. */
function busyError(dir: string, file: string, pid: number): DataDirBusyError {
  const cmd = commandLine(pid);
  const since = startedAt(pid);
  const who = [`进程号 ${pid}`, cmd ? `命令行“${cmd}”` : null, since ? `启动于 ${since}` : null]
    .filter(Boolean)
    .join("，");
  return new DataDirBusyError(
    `数据目录 ${dir} 正被另一个进程使用（${who}）。内置数据库只能由一个进程打开：` +
      `若它是正在运行的督办服务，请先停止它（例如 kill ${pid}）再执行；` +
      `若它不是督办服务（进程号被其他程序复用），请确认没有督办服务在用此目录后删除锁文件 ${file} 再执行。` +
      "多进程部署请设置 DATABASE_URL 使用 PostgreSQL。",
  );
}

/** Whether a recorded holder still holds the directory: alive, and the same process when that can be told. */
function stillHeld(holder: LockHolder): boolean {
  if (holder.pid === process.pid || !isAlive(holder.pid)) return false;
  if (holder.identity === null) return true;
  const now = processIdentity(holder.pid);
  // Unknown now (not Linux, no /proc): stay on the safe side and treat it as held.
  return now === null || now === holder.identity;
}

/**
 * Creates the lock file with its full content in one step (a complete temporary file linked into place), so two
 * processes starting together cannot both believe they hold the directory and none reads half a lock.
 */
function claim(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return false;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite is single-process: a second server on the
 * same directory would corrupt it, so it is refused with a message naming the holder and saying what to do.
 * A lock left by a dead process, or by a pid since reused by another process, is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "duban.pid");
  const content = JSON.stringify({ pid: process.pid, identity: processIdentity(process.pid) });
  for (let attempt = 0; ; attempt++) {
    if (claim(file, content)) break;
    if (attempt > 2) throw busyError(dir, file, readHolder(file)?.pid ?? 0);
    const holder = readHolder(file);
    if (holder && stillHeld(holder)) throw busyError(dir, file, holder.pid);
    // Stale (dead holder, reused pid, unreadable content): remove it and try the exclusive create again.
    fs.rmSync(file, { force: true });
  }
  return () => {
    try {
      if (readHolder(file)?.pid === process.pid) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
