import { AppError } from "../errors.js";

/** How many jobs run at once, how many may wait, and when a refused client should try again. */
export interface ImportGateOptions {
  running: number;
  waiting: number;
  retryAfterSeconds: number;
  /** The refusal when every slot and place in line is taken; by default a 429 about plan documents. */
  refusal?: () => AppError;
}

/** Runs at most `running` jobs at once, queues up to `waiting` more, and refuses the rest with 429. */
export class ImportGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly options: ImportGateOptions) {}

  /** Runs the job when a slot is free, or throws `rate_limited` (details carry `retryAfterSeconds`) when full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active < this.options.running) this.active++;
    else if (this.queue.length < this.options.waiting) await new Promise<void>((r) => this.queue.push(r));
    else
      throw (
        this.options.refusal?.() ??
        new AppError(
          "rate_limited",
          `正在读取的工作要点文档较多，请 ${this.options.retryAfterSeconds} 秒后再试`,
          { retryAfterSeconds: this.options.retryAfterSeconds },
        )
      );
    try {
      return await job();
    } finally {
      // A finished job hands its slot straight to the next in line, so the count never dips and overshoots.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * The server process's gate for reading plan documents: two at a time (each may take a core and 512 MB of heap
 * for up to 30 s), four waiting; a real bureau imports a handful of plans a year.
 */
export const planImportGate = new ImportGate({ running: 2, waiting: 4, retryAfterSeconds: 30 });
