import type { FastifyServerOptions } from "fastify";
import { prettyFactory } from "pino-pretty";

/** Where the server writes its log: standard output, or a stand-in with the same two members in tests. */
export interface LogOutput {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/**
 * How a request line reads in a terminal: `GET /api/plans 200 request completed` when it is answered (one line per
 * request, `http/request-log.ts`); any other message as it is, with its fields after it.
 */
const TERMINAL_MESSAGE =
  "{if req.method}{req.method} {req.url} {end}{if res.statusCode}{res.statusCode} {end}{msg}";

/**
 * The server's logger: human-readable single lines (time, level, message) when standard output is a terminal,
 * one JSON object per line otherwise, for log collectors and files.
 */
export function serverLoggerOptions(input: {
  level: string;
  output: LogOutput;
}): NonNullable<FastifyServerOptions["logger"]> {
  if (!input.output.isTTY) return { level: input.level };
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
