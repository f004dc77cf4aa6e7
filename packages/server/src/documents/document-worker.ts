import { serveJobs } from "../files/worker-job.js";
import type { DocumentJob } from "./off-thread.js";

// Entry of the worker thread that builds documents (.docx, .xlsx) from plain data, away from the server's event loop.

/** Loads the job's builder module (cached after the first job) and runs the named builder on the input. */
async function build(job: DocumentJob): Promise<Uint8Array> {
  const builder = ((await import(job.module)) as Record<string, unknown>)[job.name];
  if (typeof builder !== "function") throw new Error(`${job.module} exports no builder ${job.name}`);
  const bytes = (await builder(job.input)) as Uint8Array;
  // A copy of its own, so its memory can move to the server's thread whatever pool the bytes came from.
  return new Uint8Array(bytes);
}

serveJobs(build, (bytes) => [bytes.buffer as ArrayBuffer]);
