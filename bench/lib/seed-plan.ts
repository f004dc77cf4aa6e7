// The seed plan as the benches set it up: published through the API by the 督查室, with a snapshot recorded on
// the 1st of every month of 2023 as the daily job would have.
import fs from "node:fs";
import { openDatabase } from "../../packages/server/src/db/client.js";
import { recordPlanSnapshot } from "../../packages/server/src/modules/snapshots/index.js";
import { type Client, expectStatus } from "./http.js";

/** Publishes the seed plan as the 督查室 and returns its id. */
export async function publishSeedPlan(supervisor: Client): Promise<string> {
  const text = fs.readFileSync(
    new URL("../../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
    "utf8",
  );
  const draft = await supervisor.post("/api/plan-imports", { text });
  expectStatus(draft, 201, "plan import");
  const { id, version } = draft.body as { id: string; version: number };
  const published = await supervisor.post(`/api/plan-imports/${id}/publish`, {
    version,
    allowDuplicate: true,
  });
  expectStatus(published, 201, "publish");
  return (published.body as { planId: string }).planId;
}

/** Records the 1st of each month as the daily job would have; returns the median ms per snapshot. */
export async function seedSnapshots(
  url: string | undefined,
  dataDir: string,
  at: { tenantId: string; planId: string },
) {
  const database = await openDatabase({ url, dataDir, poolSize: 2 });
  try {
    const times: number[] = [];
    for (let m = 1; m <= 12; m++) {
      const now = new Date(`2023-${String(m).padStart(2, "0")}-01T08:00:00+08:00`);
      const t0 = performance.now();
      await recordPlanSnapshot(database.db, { ...at, now });
      times.push(performance.now() - t0);
    }
    const sorted = times.sort((a, b) => a - b);
    return { msPerSnapshot: (sorted[5]! + sorted[6]!) / 2 };
  } finally {
    await database.close();
  }
}
