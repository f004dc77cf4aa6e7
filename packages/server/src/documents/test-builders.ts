// Builders for the document worker's tests, loaded only by the worker (by URL), never by the server's thread.

/** A builder that fails the way a bug in a real one would: a plain exception. */
export async function failingBuilder(input: { why: string }): Promise<Buffer> {
  throw new Error(`cannot build: ${input.why}`);
}

/** A builder that reports the thread it ran on, as its "document". */
export async function threadBuilder(_input: Record<string, never>): Promise<Buffer> {
  const { threadId } = await import("node:worker_threads");
  return Buffer.from(String(threadId));
}
