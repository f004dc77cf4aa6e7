import fs from "node:fs";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { buildAssignedPlan, dayFromToday } from "../test/notice-fixtures.js";
import { buildPublishedPlan } from "../test/plan-fixtures.js";
import { createTestApp, openTestDatabase, type TestApp, TestClock, testConfig } from "../test/test-app.js";
import { buildOffThread, documentBuilder, documentGate, documentWorkers } from "./index.js";
import type * as testBuilders from "./test-builders.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const builders = new URL("./test-builders.js", import.meta.url);
const failing = documentBuilder<typeof testBuilders, "failingBuilder">(builders, "failingBuilder");
const onThread = documentBuilder<typeof testBuilders, "threadBuilder">(builders, "threadBuilder");

/** A raised 督办单 of a fresh bureau, and the 督查室's session. */
async function notice() {
  const p = await buildAssignedPlan(t);
  const res = await p.supervisor.post("/api/notices", {
    nodeId: p.task9.id,
    assignmentId: p.assignmentId,
    level: "red",
    reason: "公办园占比进展滞后，请说明原因",
    replyDue: dayFromToday(t, 5),
    allowDuplicate: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { p, id: res.json().id as string };
}

describe("the document worker", () => {
  it("runs a builder on a thread of its own", async () => {
    const ran = Number((await buildOffThread(onThread, {})).toString());
    expect(ran).toBeGreaterThan(0);
    expect(ran).not.toBe(threadId);
  });

  it("builds the 督办通知单 there: the pool answers the job and the download carries its bytes", async () => {
    const { p, id } = await notice();
    const before = documentWorkers.stats.answered;
    const res = await p.supervisor.get(`/api/notices/${id}/document`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(documentWorkers.stats.answered).toBe(before + 1);
    expect(documentWorkers.stats.lastThreadId).not.toBe(threadId);
  });

  it("writes the 工作台账 there too", async () => {
    const p = await buildPublishedPlan(t);
    const before = documentWorkers.stats.answered;
    const res = await p.supervisor.get(`/api/plans/${p.planId}/ledger`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(documentWorkers.stats.answered).toBe(before + 1);
  });

  it("refuses a download with 503 and Retry-After while every worker is busy and the line is full", async () => {
    const { p, id } = await notice();
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const { running, waiting } = documentGate.options;
    const holders = Array.from({ length: running + waiting }, () => documentGate.run(() => held));
    try {
      const res = await p.supervisor.get(`/api/notices/${id}/document`);
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("10");
      expect(res.json()).toEqual({
        error: {
          code: "server_busy",
          message: "正在生成的文档较多，请 10 秒后再试",
          details: { retryAfterSeconds: 10 },
        },
      });
    } finally {
      release();
      await Promise.all(holders);
    }
    // Once the line clears the same download is built.
    expect((await p.supervisor.get(`/api/notices/${id}/document`)).statusCode).toBe(200);
  });
});

describe("a builder failing in the worker", () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const config = testConfig();
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
    app.get("/api/failing-document", { config: { auth: "public" }, schema: { hide: true } }, async () => {
      await buildOffThread(failing, { why: "a bug in the builder" });
      return {};
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  it("answers 500 in the error envelope, and the server builds the next document", async () => {
    const res = await app.inject({ method: "GET", url: "/api/failing-document" });
    expect(res.statusCode).toBe(500);
    // The crash stays in the log: the client gets the code and a message naming its request, nothing of the stack.
    expect(Object.keys(res.json().error)).toEqual(["code", "message"]);
    expect(res.json().error.code).toBe("internal");
    expect(res.json().error.message).toMatch(/^服务器内部错误，请稍后重试（请求编号 req-\w+）$/);
    await expect(buildOffThread(failing, { why: "again" })).rejects.toThrow(/cannot build: again/);
    expect(Number((await buildOffThread(onThread, {})).toString())).not.toBe(threadId);
  });
});

describe("the server's shutdown", () => {
  it("ends the idle document workers", async () => {
    const database = await openTestDatabase();
    const config = testConfig();
    const app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
    await app.ready();
    await buildOffThread(onThread, {});
    expect(documentWorkers.idleWorkers).toBeGreaterThan(0);
    await app.close();
    await database.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
    expect(documentWorkers.idleWorkers).toBe(0);
  });
});
