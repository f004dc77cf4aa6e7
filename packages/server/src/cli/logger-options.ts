import type { FastifyServerOptions } from "fastify";
import pino from "pino";
import { prettyFactory } from "pino-pretty";

/** Where the server writes its log: standard output, or a stand-in with the same members in tests. */
export interface LogOutput {
  isTTY?: boolean;
  /** The file descriptor behind it (standard output's is 1); a stand-in without one is written to directly. */
  fd?: number;
  write(chunk: string): unknown;
}

/**
 * How a request line reads in a terminal: `GET /api/plans 200 request completed` when it is answered (one line per
 * request, `http/request-log.ts`); any other message as it is, with its fields after it.
 */
const TERMINAL_MESSAGE =
  "{if req.method}{req.method} {req.url} {end}{if res.statusCode}{res.statusCode} {end}{msg}";

/** The most Linux writes to a pipe at once, without another writer's bytes in between. */
const PIPE_BUF = 4096;

/**
 * The server's logger: human-readable single lines (time, level, message) when standard output is a terminal,
 * one JSON object per line otherwise, for log collectors and files.
 *
 * The JSON lines are written to the descriptor without waiting, so a slow pipe or disk never holds up the event
 * loop: a line logged while the previous write is under way joins the next one. What is still buffered when the
 * process exits (also on an uncaught error) is written out before it ends. A write holds
 * whole lines and at most PIPE_BUF bytes, which Linux writes to a pipe in one piece: the processes of
 * `DUBAN_WORKERS` share standard output, and their lines must not cut into each other.
 */
export function serverLoggerOptions(input: {
  level: string;
  output: LogOutput;
}): NonNullable<FastifyServerOptions["logger"]> {
  if (!input.output.isTTY) {
    const { fd } = input.output;
    const stream =
      fd === undefined ? input.output : pino.destination({ dest: fd, sync: false, maxWrite: PIPE_BUF });
    return { level: input.level, stream };
  }
  const pretty = prettyFactory({
    colorize: true,
    translateTime: "SYS:HH:MM:ss",
    singleLine: true,
    messageFormat: TERMINAL_MESSAGE,
    // Shown through the message above, or noise in a terminal.
    ignore: "pid,hostname,reqId,req,res,responseTime",
  });
  // Formatted and written in this thread, so a line logged before the banner is printed before it.
  return { level: input.level, stream: { write: (line: string) => input.output.write(pretty(line)) } };
}
