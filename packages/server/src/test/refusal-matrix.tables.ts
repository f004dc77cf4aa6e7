import { assessmentDocumentsAccess } from "../modules/assessment-documents/assessment-documents.access.js";
import { assessmentsAccess } from "../modules/assessments/assessments.access.js";
import { assignmentsAccess } from "../modules/assignments/assignments.access.js";
import { auditAccess } from "../modules/audit/audit.access.js";
import { authAccess } from "../modules/auth/auth.access.js";
import { bulletinsAccess } from "../modules/bulletins/bulletins.access.js";
import { calendarAccess } from "../modules/calendar/calendar.access.js";
import { cascadeAccess } from "../modules/cascade/cascade.access.js";
import { cascadeNoticesAccess } from "../modules/cascade/cascade-notices.access.js";
import { countyOverviewAccess } from "../modules/cascade/county-overview.access.js";
import { channelsAccess } from "../modules/channels/channels.access.js";
import { cyclesAccess } from "../modules/cycles/cycles.access.js";
import { decomposeAccess } from "../modules/decompose/decompose.access.js";
import { docNumbersAccess } from "../modules/doc-numbers/doc-numbers.access.js";
import { evidenceAccess } from "../modules/evidence/evidence.access.js";
import { extensionsAccess } from "../modules/extensions/extensions.access.js";
import { formExcelAccess } from "../modules/forms/form-excel.access.js";
import { formsAccess } from "../modules/forms/forms.access.js";
import { groupsAccess } from "../modules/groups/groups.access.js";
import { healthAccess } from "../modules/health/health.access.js";
import { indicatorFormulasAccess } from "../modules/indicator-formulas/indicator-formulas.access.js";
import { inspectionsAccess } from "../modules/inspections/inspections.access.js";
import { instructionsAccess } from "../modules/instructions/instructions.access.js";
import { ledgerAccess } from "../modules/ledger/ledger.access.js";
import { noticesAccess } from "../modules/notices/notices.access.js";
import { notificationsAccess } from "../modules/notifications/notifications.access.js";
import { plansAccess } from "../modules/plans/plans.access.js";
import { publicAccess } from "../modules/public/public.access.js";
import { rectificationsAccess } from "../modules/rectifications/rectifications.access.js";
import { reminderSettingsAccess } from "../modules/reminder-settings/reminder-settings.access.js";
import { reportsAccess } from "../modules/reports/reports.access.js";
import { searchAccess } from "../modules/search/search.access.js";
import { snapshotsAccess } from "../modules/snapshots/snapshots.access.js";
import { summaryDocumentAccess } from "../modules/summary-document/summary-document.access.js";
import { unitKeywordsAccess } from "../modules/unit-keywords/unit-keywords.access.js";
import { unitsAccess } from "../modules/units/units.access.js";
import { usersAccess } from "../modules/users/users.access.js";
import { workAccess } from "../modules/work/work.access.js";
import type { RouteAccess } from "./access.js";

/** Every module's access table, in the order the cells run. */
export const tables: RouteAccess[] = [
  ...healthAccess,
  ...unitsAccess,
  ...groupsAccess,
  ...usersAccess,
  ...auditAccess,
  ...unitKeywordsAccess,
  ...plansAccess,
  ...assignmentsAccess,
  ...cyclesAccess,
  ...reminderSettingsAccess,
  ...calendarAccess,
  ...reportsAccess,
  ...evidenceAccess,
  ...workAccess,
  ...decomposeAccess,
  ...indicatorFormulasAccess,
  ...noticesAccess,
  ...extensionsAccess,
  ...notificationsAccess,
  ...rectificationsAccess,
  ...inspectionsAccess,
  ...instructionsAccess,
  ...cascadeAccess,
  ...countyOverviewAccess,
  ...cascadeNoticesAccess,
  ...bulletinsAccess,
  ...assessmentsAccess,
  ...formsAccess,
  ...formExcelAccess,
  ...ledgerAccess,
  ...assessmentDocumentsAccess,
  ...summaryDocumentAccess,
  ...channelsAccess,
  ...docNumbersAccess,
  ...searchAccess,
  ...snapshotsAccess,
  ...publicAccess,
  // Last: these end or change sessions.
  ...authAccess,
];
