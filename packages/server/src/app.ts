import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "./db/client.js";
import { logSerializers } from "./db/redact-error.js";
import { closeDocumentWorkers } from "./documents/index.js";
import { type Config, trustProxyOption } from "./env.js";
import type { FileStore } from "./files/file-store.js";
import { openFileStore } from "./files/open-file-store.js";
import { registerAuthHook } from "./http/auth-hook.js";
import { type Clock, systemClock } from "./http/context.js";
import { registerErrorHandler, sendFrameworkError } from "./http/error-handler.js";
import { registerOpenApi } from "./http/openapi.js";
import { registerRequestLog, requestLogOptions } from "./http/request-log.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerUnstorableTextGuard } from "./http/unstorable-text.js";
import { assessmentDocumentRoutes } from "./modules/assessment-documents/assessment-documents.routes.js";
import { assessmentRoutes } from "./modules/assessments/assessments.routes.js";
import { assignmentRoutes } from "./modules/assignments/assignments.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { sessionStore } from "./modules/auth/index.js";
import { bulletinRoutes } from "./modules/bulletins/bulletins.routes.js";
import { calendarRoutes } from "./modules/calendar/calendar.routes.js";
import { cascadeRoutes } from "./modules/cascade/cascade.routes.js";
import { countyOverviewRoutes } from "./modules/cascade/county-overview.routes.js";
import { channelRoutes } from "./modules/channels/channels.routes.js";
import { cycleRoutes } from "./modules/cycles/cycles.routes.js";
import { onCycleOpened } from "./modules/cycles/index.js";
import { decomposeRoutes } from "./modules/decompose/decompose.routes.js";
import { docNumberRoutes } from "./modules/doc-numbers/doc-numbers.routes.js";
import { downloadRoutes } from "./modules/downloads/downloads.routes.js";
import { evidenceRoutes } from "./modules/evidence/evidence.routes.js";
import { extensionRoutes } from "./modules/extensions/extensions.routes.js";
import { formRoutes } from "./modules/forms/forms.routes.js";
import { onFormDataChanged, sendCycleRounds } from "./modules/forms/index.js";
import { groupRoutes } from "./modules/groups/groups.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { recomputeOnFormDataChanged } from "./modules/indicator-formulas/index.js";
import { indicatorFormulaRoutes } from "./modules/indicator-formulas/indicator-formulas.routes.js";
import { inspectionRoutes } from "./modules/inspections/inspections.routes.js";
import { instructionRoutes } from "./modules/instructions/instructions.routes.js";
import { ledgerRoutes } from "./modules/ledger/ledger.routes.js";
import { noticeRoutes } from "./modules/notices/notices.routes.js";
import { notificationRoutes } from "./modules/notifications/notifications.routes.js";
import { planImportRoutes } from "./modules/plans/plan-imports.routes.js";
import { planRoutes } from "./modules/plans/plans.routes.js";
import { publicRoutes } from "./modules/public/public.routes.js";
import { rectificationRoutes } from "./modules/rectifications/rectifications.routes.js";
import { reminderSettingsRoutes } from "./modules/reminder-settings/reminder-settings.routes.js";
import { reportRoutes } from "./modules/reports/reports.routes.js";
import { searchRoutes } from "./modules/search/search.routes.js";
import { snapshotRoutes } from "./modules/snapshots/snapshots.routes.js";
import { summaryDocumentRoutes } from "./modules/summary-document/summary-document.routes.js";
import { unitKeywordRoutes } from "./modules/unit-keywords/unit-keywords.routes.js";
import { unitRoutes } from "./modules/units/units.routes.js";
import { unitImportRoutes } from "./modules/units/units-import.routes.js";
import { userRoutes } from "./modules/users/users.routes.js";
import { userImportRoutes } from "./modules/users/users-import.routes.js";
import { workRoutes } from "./modules/work/work.routes.js";

// Validation messages users see come from zod; make them Chinese.
z.config(z.locales.zhCN());

/** The built web app, served when present. */
export const defaultWebRoot = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** What the app is built from. */
export interface BuildAppOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions["logger"];
  /** Folder of the built web app; omitted or missing means API only. */
  webRoot?: string | null;
  /** The file store; omitted: the one the configuration names, opened here and closed with the app. */
  files?: FileStore;
  /** Called on the bare instance before anything is registered (the test harness audits statements with it). */
  instrument?: (app: FastifyInstance) => void;
}

/** Upper bound of a JSON body; files arrive as multipart, with their own limit. */
const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the Fastify app without listening, so tests can drive it in process. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Whatever logger is asked for, errors are logged without the values their queries were given.
    logger: options.logger
      ? { ...(options.logger === true ? {} : options.logger), serializers: logSerializers }
      : false,
    ...requestLogOptions(),
    trustProxy: trustProxyOption(options.config.trustProxy),
    bodyLimit: JSON_BODY_LIMIT,
    frameworkErrors: sendFrameworkError,
  });
  options.instrument?.(app);
  if (options.logger) registerRequestLog(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const chosen = options.files
    ? null
    : await openFileStore(options.config.fileStore, {
        dataDir: options.config.dataDir,
        database: options.database,
      });
  const files = options.files ?? chosen!.store;
  if (chosen) {
    app.log.info({ fileStore: files.kind, location: files.location }, `文件存储：${chosen.reason}`);
    app.addHook("onClose", () => files.close());
  }
  app.decorate("deps", {
    database: options.database,
    config: options.config,
    clock: options.clock ?? systemClock,
    files,
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await registerOpenApi(app);

  registerSecurityHeaders(app);
  registerErrorHandler(app);
  registerAuthHook(app, app.deps, sessionStore);
  registerUnstorableTextGuard(app);
  // Approving form data or sending a new round recomputes the indicators computed from it, in that transaction.
  onFormDataChanged(recomputeOnFormDataChanged);
  // Opening a reporting cycle sends, in that transaction, the rounds of the forms filled every cycle.
  onCycleOpened(sendCycleRounds);
  // Requests have finished when onClose runs: what is left of the document workers is idle.
  app.addHook("onClose", closeDocumentWorkers);

  const routePlugins = [
    healthRoutes,
    authRoutes,
    unitRoutes,
    unitImportRoutes,
    groupRoutes,
    userRoutes,
    userImportRoutes,
    auditRoutes,
    unitKeywordRoutes,
    planImportRoutes,
    planRoutes,
    assignmentRoutes,
    cycleRoutes,
    reminderSettingsRoutes,
    calendarRoutes,
    reportRoutes,
    evidenceRoutes,
    downloadRoutes,
    workRoutes,
    decomposeRoutes,
    indicatorFormulaRoutes,
    noticeRoutes,
    extensionRoutes,
    notificationRoutes,
    rectificationRoutes,
    inspectionRoutes,
    instructionRoutes,
    cascadeRoutes,
    countyOverviewRoutes,
    bulletinRoutes,
    assessmentRoutes,
    formRoutes,
    ledgerRoutes,
    assessmentDocumentRoutes,
    summaryDocumentRoutes,
    channelRoutes,
    docNumberRoutes,
    searchRoutes,
    snapshotRoutes,
    publicRoutes,
  ];
  for (const routes of routePlugins) await app.register(routes);
  await registerWeb(app, options.webRoot === undefined ? defaultWebRoot : options.webRoot);
  return app;
}

/** Serves the single-page web app: files as they are, every other non-API GET gets index.html. */
async function registerWeb(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (!webRoot || !fs.existsSync(path.join(webRoot, "index.html"))) return;
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.get("/*", { config: { auth: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith("/api/")) return reply.callNotFound();
    const file = request.url.split("?")[0]!.slice(1);
    if (file && fs.existsSync(path.join(webRoot, file)) && !file.includes("..")) return reply.sendFile(file);
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
