import { describe, expect, it } from "vitest";
import { ImportGate } from "./import-gate.js";

/** A job that runs until the test releases it, recording when it started. */
function heldJob(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => {
    release = r;
  });
  return {
    run: async () => {
      started.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

describe("the import gate", () => {
  it("runs two at once, queues the next and refuses the one beyond the queue with Retry-After", async () => {
    const gate = new ImportGate({ running: 2, waiting: 1, retryAfterSeconds: 30 });
    const started: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((n) => heldJob(started, n)) as [
      ReturnType<typeof heldJob>,
      ReturnType<typeof heldJob>,
      ReturnType<typeof heldJob>,
    ];
    const results = [gate.run(a.run), gate.run(b.run), gate.run(c.run)];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(["a", "b"]);
    const refused = await gate.run(async () => "d").catch((err) => err);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: "正在读取的工作要点文档较多，请 30 秒后再试",
      details: { retryAfterSeconds: 30 },
    });
    a.release();
    await results[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(["a", "b", "c"]);
    b.release();
    c.release();
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    // Every slot is free again.
    expect(
      await Promise.all([gate.run(async () => 1), gate.run(async () => 2), gate.run(async () => 3)]),
    ).toEqual([1, 2, 3]);
  });

  it("frees the slot of a job that fails", async () => {
    const gate = new ImportGate({ running: 1, waiting: 0, retryAfterSeconds: 30 });
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});
