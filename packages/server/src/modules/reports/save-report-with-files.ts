import { type ReportSaveInput, reportSaveSchema } from "@duban/domain";
import type { FastifyRequest } from "fastify";
import { invalid } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { storeFormWithFiles, type UploadInspector } from "../../http/upload.js";
import {
  EVIDENCE_MAX_BYTES,
  evidenceUploadCheck,
  type FileRow,
  precheckUploadQuota,
  recordEvidenceRow,
} from "../evidence/index.js";
import { checkReportSave, writeReportSave } from "./save-report.js";

/** New files one report's form may carry: a phone's pick of photos. */
export const REPORT_FORM_MAX_FILES = 9;

/** Files a report may hold in all (the JSON save's own limit on `fileIds`). */
const REPORT_MAX_FILES = 30;

/** The form's field `report`, as the JSON save's body; its issues are named under `report.`. */
function reportInput(value: unknown): ReportSaveInput {
  const parsed = reportSaveSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.flatMap((issue) => {
      const at = ["report", ...issue.path.map(String)].join(".");
      return issue.code === "unrecognized_keys"
        ? issue.keys.map((k) => ({ path: `${at}.${k}`, message: "不允许的字段" }))
        : [{ path: at, message: issue.message }];
    }),
  );
}

/**
 * Saves (or submits) this cycle's report with new evidence files in one request, as a phone sends it: a multipart
 * form whose first field `report` is the JSON save's body, followed by up to 9 files `file`. Everything the JSON
 * save checks is checked before the first file is stored, so a refused report stores nothing; each file is then
 * checked as `POST /api/files` checks it (type, size, the unit's quota) and recorded, and the report is written
 * with them attached beside the ones `fileIds` names. The files are recorded before the report: if its write is
 * then refused (a save of the same report in between), they stay the unit's uploads, to attach again.
 */
export async function saveReportWithFiles(
  ctx: ServiceContext,
  assignmentId: string,
  request: FastifyRequest,
) {
  const inspectors: ReturnType<typeof evidenceUploadCheck>[] = [];
  let named = 0;
  const { value: checked, uploads } = await storeFormWithFiles(request, {
    field: "report",
    fieldWhat: "反馈内容",
    what: "佐证材料",
    maxFiles: REPORT_FORM_MAX_FILES,
    maxBytes: EVIDENCE_MAX_BYTES,
    files: ctx.files,
    accept: async (value) => {
      const input = reportInput(value);
      named = new Set(input.fileIds).size;
      return checkReportSave(ctx, assignmentId, input);
    },
    beforeFile: async (index) => {
      if (named + index + 1 > REPORT_MAX_FILES)
        throw invalid(
          [{ path: "file", message: `每期反馈最多 ${REPORT_MAX_FILES} 个附件` }],
          `每期反馈最多 ${REPORT_MAX_FILES} 个附件，已选 ${named} 个`,
        );
      // An owner whose quota is used up is refused before the first file is streamed into the store.
      if (index === 0) await precheckUploadQuota(ctx);
    },
    inspect: (): UploadInspector => {
      const check = evidenceUploadCheck();
      inspectors.push(check);
      return check;
    },
  });
  const added: FileRow[] = [];
  for (const [i, upload] of uploads.entries())
    added.push(await recordEvidenceRow(ctx, { ...upload, type: inspectors[i]!.type() }));
  return writeReportSave(ctx, checked, added);
}
