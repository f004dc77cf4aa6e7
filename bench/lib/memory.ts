// Resident memory of a process from /proc (Linux): now, and the peak since the process started or since the peak
// was last reset. A figure read only between steps misses what a step reached in its middle; the kernel's high-water
// mark (VmHWM) does not.
import fs from "node:fs";

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const mb = (kb: number | null) => (kb === null ? 0 : Math.round(kb / 1024));

/** Resident set size of a process in MB; 0 when it is gone. */
export function rssMb(pid: number): number {
  return mb(statusKb(pid, "VmRSS"));
}

/** The largest resident set size the process has had, in MB, since it started or since `resetPeakRss`. */
export function peakRssMb(pid: number): number {
  return mb(statusKb(pid, "VmHWM"));
}

/**
 * Starts a new peak: the kernel sets the high-water mark to the current RSS (writing 5 to clear_refs, Linux 4.0+,
 * allowed on one's own processes). False when it cannot, and the peak then still counts from the process's start.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
