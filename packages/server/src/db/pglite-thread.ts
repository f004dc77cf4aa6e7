import { z } from "zod";

/** PGLITE_THREAD: `worker` (the default) runs PGlite in a worker thread, `main` on the event loop's thread. */
export const pgliteThreadSchema = z
  .enum(["main", "worker", ""], {
    error: "只能是 worker（内置数据库在工作线程中运行，默认）或 main（在主线程中运行）",
  })
  .optional()
  .transform((v) => (v === "main" ? "main" : "worker"));
