import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planImportGate } from "../../files/import-gate.js";
import { docxBomb, pdfBomb } from "../../files/test-hostile.js";
import { buildPublishedPlan, seedPlanText } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

let t: TestApp;
let p: Awaited<ReturnType<typeof buildPublishedPlan>>;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
});
afterAll(async () => t?.close());

const upload = (session: TestSession, name: string, content: Buffer) =>
  uploadFile(session, "/api/plan-imports/upload", { name, type: "application/octet-stream", content });

/**
 * Runs the imports and, until all have answered, asks for /api/health and the plan page over and over; returns
 * the imports' answers and the slowest probe. A probe stuck behind a blocked event loop would take seconds.
 */
async function probeWhile(imports: Promise<LightMyRequestResponse>[]) {
  let done = false;
  const answers = Promise.all(imports).finally(() => {
    done = true;
  });
  const timings: number[] = [];
  while (!done) {
    for (const probe of [
      () => t.app.inject({ method: "GET", url: "/api/health" }),
      () => p.supervisor.get(`/api/plans/${p.planId}`),
    ]) {
      const started = performance.now();
      const res = await probe();
      timings.push(performance.now() - started);
      expect(res.statusCode).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { answers: await answers, slowest: Math.max(...timings), probes: timings.length };
}

describe("hostile plan documents", () => {
  // Each is built before the clock starts; the server must refuse it with 413 while staying responsive.
  const cases = [
    {
      what: "a .docx whose headers claim 1 KB and whose XML inflates to 100 MB",
      name: "要点.docx",
      build: () => docxBomb({ inflatedBytes: 100 * 1024 * 1024, lie: true }),
      reason: "Word 文件解压后超过 50 MB",
    },
    {
      what: "19.5 MB of plan-like text, under the 20 MB upload limit",
      name: "要点.txt",
      build: () => Buffer.from("（一）加强学校管理，确保2023年底前完成率达到95%以上。\n".repeat(265_000)),
      reason: "这份文档超过 200 万字",
    },
    {
      what: "a PDF whose page content inflates to 150 MB",
      name: "要点.pdf",
      build: () => pdfBomb(150 * 1024 * 1024),
      reason: "PDF 解压后超过 100 MB",
    },
  ];
  for (const c of cases)
    it(`refuses ${c.what} with 413 while health and a plan page answer within 1 s`, async () => {
      const content = c.build();
      expect(content.length).toBeLessThan(20 * 1024 * 1024);
      const { answers, slowest, probes } = await probeWhile([upload(p.supervisor, c.name, content)]);
      const [res] = answers;
      expect(res!.statusCode).toBe(413);
      expect(res!.json().error.code).toBe("payload_too_large");
      expect(res!.json().error.message).toMatch(
        new RegExp(`^文档过大，工作要点一般不超过 5 万字.*${c.reason}`),
      );
      expect(probes).toBeGreaterThanOrEqual(2);
      expect(slowest).toBeLessThan(1000);
      expect((await p.supervisor.get("/api/plan-imports")).json().items).toEqual([]);
    }, 120_000);
});

describe("how many imports run at once", () => {
  it("answers 429 with Retry-After once two imports run and four wait, and imports again when they end", async () => {
    const releases: (() => void)[] = [];
    const held = Array.from({ length: 6 }, () =>
      planImportGate.run(() => new Promise<void>((r) => releases.push(r))),
    );
    const refused = await upload(p.supervisor, "要点.txt", Buffer.from(seedPlanText));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(refused.json().error).toEqual({
      code: "rate_limited",
      message: "正在读取的工作要点文档较多，请 30 秒后再试",
      details: { retryAfterSeconds: 30 },
    });
    const pasted = await p.supervisor.post("/api/plan-imports", { text: seedPlanText });
    expect([pasted.statusCode, pasted.headers["retry-after"]]).toEqual([429, "30"]);
    // The two running jobs end; each queued one then starts in turn and is ended too.
    for (let released = 0; released < 6; )
      if (releases.length > released) releases[released++]!();
      else await new Promise((r) => setTimeout(r, 5));
    await Promise.all(held);
    const accepted = await upload(p.supervisor, "要点.txt", Buffer.from(seedPlanText));
    expect(accepted.statusCode).toBe(201);
  });
});
