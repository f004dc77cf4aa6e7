import type { Light, PlanDetail, PlanSnapshot } from "@duban/domain";
import type { LedgerAssignmentRow } from "./ledger.repository.js";
import { type AssignmentFacts, buildLedgerData } from "./ledger-data.js";
import { writeLedgerWorkbook } from "./ledger-workbook.js";

/**
 * What the document worker needs to write the 工作台账: the rows the service read, as plain data (each
 * assignment's light worked out by the service, since a function cannot cross to the worker).
 */
export interface LedgerFileInput {
  plan: PlanDetail;
  rows: LedgerAssignmentRow[];
  lights: Map<string, Light>;
  latest: AssignmentFacts["latest"];
  lastReportAt: AssignmentFacts["lastReportAt"];
  day: string;
  snapshot: PlanSnapshot | null;
}

/** Assembles the ledger's lines and writes the .xlsx: the part of an export that runs in the document worker. */
export async function writeLedgerFile(input: LedgerFileInput): Promise<Buffer> {
  const { plan, rows, lights, latest, lastReportAt, day, snapshot } = input;
  const data = buildLedgerData(
    plan,
    { rows, lightOf: (row) => lights.get(row.id) ?? "grey", latest, lastReportAt },
    { day, snapshot },
  );
  return writeLedgerWorkbook(data);
}
