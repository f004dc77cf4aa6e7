import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AppLayout } from "./components/app-layout";
import { RequireArea } from "./components/require-area";
import { FullPageSpin, RequireAuth } from "./components/require-auth";
import { ChangePasswordPage } from "./pages/auth/change-password-page";
import { LoginPage } from "./pages/auth/login-page";
import { NotFoundPage } from "./pages/errors/not-found-page";
import { HomePage } from "./pages/home/home-page";

// Admin screens load on first use, so a school reporter's phone downloads only the login and 我的工作.
const UnitsPage = lazy(() => import("./pages/units/units-page").then((m) => ({ default: m.UnitsPage })));
const GroupsPage = lazy(() => import("./pages/groups/groups-page").then((m) => ({ default: m.GroupsPage })));
const UsersPage = lazy(() => import("./pages/users/users-page").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./pages/audit/audit-page").then((m) => ({ default: m.AuditPage })));
const PlansPage = lazy(() => import("./pages/plans/plans-page").then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import("./pages/plans/plan-page").then((m) => ({ default: m.PlanPage })));
const CockpitPage = lazy(() =>
  import("./pages/cockpit/cockpit-page").then((m) => ({ default: m.CockpitPage })),
);
const CascadePage = lazy(() =>
  import("./pages/cascade/cascade-page").then((m) => ({ default: m.CascadePage })),
);
const TaskPage = lazy(() => import("./pages/tasks/task-page").then((m) => ({ default: m.TaskPage })));
const ReportPage = lazy(() => import("./pages/reports/report-page").then((m) => ({ default: m.ReportPage })));
const UnitWorkPage = lazy(() =>
  import("./pages/work/unit-work-page").then((m) => ({ default: m.UnitWorkPage })),
);
const AssignmentRedirect = lazy(() =>
  import("./pages/work/assignment-redirect").then((m) => ({ default: m.AssignmentRedirect })),
);
const NewPlanPage = lazy(() =>
  import("./pages/plan-imports/new-plan-page").then((m) => ({ default: m.NewPlanPage })),
);
const ReviewPage = lazy(() =>
  import("./pages/plan-imports/review-page").then((m) => ({ default: m.ReviewPage })),
);
const DocumentNumbersPage = lazy(() =>
  import("./pages/settings/document-numbers-page").then((m) => ({ default: m.DocumentNumbersPage })),
);
const WorkCalendarPage = lazy(() =>
  import("./pages/settings/work-calendar-page").then((m) => ({ default: m.WorkCalendarPage })),
);
const UnitKeywordsPage = lazy(() =>
  import("./pages/settings/unit-keywords-page").then((m) => ({ default: m.UnitKeywordsPage })),
);
const ChannelsPage = lazy(() =>
  import("./pages/settings/channels-page").then((m) => ({ default: m.ChannelsPage })),
);

const NotificationsPage = lazy(() =>
  import("./pages/notifications/notifications-page").then((m) => ({ default: m.NotificationsPage })),
);
const NoticesPage = lazy(() =>
  import("./pages/notices/notices-page").then((m) => ({ default: m.NoticesPage })),
);
const NoticeDetailPage = lazy(() =>
  import("./pages/notices/notice-detail-page").then((m) => ({ default: m.NoticeDetailPage })),
);
const ExtensionsPage = lazy(() =>
  import("./pages/extensions/extensions-page").then((m) => ({ default: m.ExtensionsPage })),
);
const RectificationsPage = lazy(() =>
  import("./pages/rectifications/rectifications-page").then((m) => ({ default: m.RectificationsPage })),
);
const RectificationDetailPage = lazy(() =>
  import("./pages/rectifications/rectification-detail-page").then((m) => ({
    default: m.RectificationDetailPage,
  })),
);
const InspectionsPage = lazy(() =>
  import("./pages/inspections/inspections-page").then((m) => ({ default: m.InspectionsPage })),
);
const InstructionDetailPage = lazy(() =>
  import("./pages/instructions/instruction-detail-page").then((m) => ({ default: m.InstructionDetailPage })),
);
const SearchPage = lazy(() => import("./pages/search/search-page").then((m) => ({ default: m.SearchPage })));
const PublicPlanPage = lazy(() =>
  import("./pages/public/public-plan-page").then((m) => ({ default: m.PublicPlanPage })),
);
const MyInstructionsPage = lazy(() =>
  import("./pages/instructions/my-instructions-page").then((m) => ({ default: m.MyInstructionsPage })),
);
const BulletinsPage = lazy(() =>
  import("./pages/bulletins/bulletins-page").then((m) => ({ default: m.BulletinsPage })),
);
const BulletinPage = lazy(() =>
  import("./pages/bulletins/bulletin-page").then((m) => ({ default: m.BulletinPage })),
);
const AssessmentsPage = lazy(() =>
  import("./pages/assessment/assessments-page").then((m) => ({ default: m.AssessmentsPage })),
);
const AssessmentPage = lazy(() =>
  import("./pages/assessment/assessment-page").then((m) => ({ default: m.AssessmentPage })),
);
const AssessmentEntriesPage = lazy(() =>
  import("./pages/assessment/assessment-entries-page").then((m) => ({ default: m.AssessmentEntriesPage })),
);
const MyAssessmentsPage = lazy(() =>
  import("./pages/assessment/my-assessments-page").then((m) => ({ default: m.MyAssessmentsPage })),
);
const FormsPage = lazy(() => import("./pages/forms/forms-page").then((m) => ({ default: m.FormsPage })));
const NewFormPage = lazy(() => import("./pages/forms/form-page").then((m) => ({ default: m.NewFormPage })));
const FormPage = lazy(() => import("./pages/forms/form-page").then((m) => ({ default: m.FormPage })));
const RoundPage = lazy(() => import("./pages/forms/round-page").then((m) => ({ default: m.RoundPage })));
const FillPage = lazy(() => import("./pages/forms/fill-page").then((m) => ({ default: m.FillPage })));
const MyFormsPage = lazy(() =>
  import("./pages/forms/my-forms-page").then((m) => ({ default: m.MyFormsPage })),
);

/** Every route of the app; admin areas check access and show 403 to others. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* 政务公开: no sign-in, no app frame. */}
      <Route
        path="/public/:tenantSlug/:planId"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicPlanPage />
          </Suspense>
        }
      />
      <Route
        path="/change-password"
        element={
          <RequireAuth allowPasswordChange>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route
          path="plans/new"
          element={
            <RequireArea area="planImports">
              <NewPlanPage />
            </RequireArea>
          }
        />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="plans/:id/cockpit" element={<CockpitPage />} />
        <Route path="plans/:planId/tasks/:nodeId" element={<TaskPage />} />
        <Route path="plans/:planId/forms" element={<FormsPage />} />
        <Route path="plans/:planId/forms/new" element={<NewFormPage />} />
        <Route path="forms/:id" element={<FormPage />} />
        <Route path="form-rounds/:id" element={<RoundPage />} />
        <Route path="form-submissions/:id" element={<FillPage />} />
        <Route path="my-forms" element={<MyFormsPage />} />
        <Route path="assignments/:id" element={<AssignmentRedirect />} />
        <Route path="assignments/:id/report" element={<ReportPage />} />
        <Route path="units/:id/work" element={<UnitWorkPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="notices/:id" element={<NoticeDetailPage />} />
        <Route path="extensions" element={<ExtensionsPage />} />
        <Route path="extensions/:id" element={<ExtensionsPage />} />
        <Route path="rectifications" element={<RectificationsPage />} />
        <Route path="rectifications/:id" element={<RectificationDetailPage />} />
        <Route
          path="inspections"
          element={
            <RequireArea area="inspections">
              <InspectionsPage />
            </RequireArea>
          }
        />
        <Route
          path="instructions/mine"
          element={
            <RequireArea area="instructions">
              <MyInstructionsPage />
            </RequireArea>
          }
        />
        <Route path="instructions/:id" element={<InstructionDetailPage />} />
        <Route
          path="cascade"
          element={
            <RequireArea area="cascade">
              <CascadePage />
            </RequireArea>
          }
        />
        <Route
          path="bulletins"
          element={
            <RequireArea area="bulletins">
              <BulletinsPage />
            </RequireArea>
          }
        />
        <Route path="bulletins/:id" element={<BulletinPage />} />
        <Route
          path="assessments"
          element={
            <RequireArea area="assessments">
              <AssessmentsPage />
            </RequireArea>
          }
        />
        <Route path="assessments/:id" element={<AssessmentPage />} />
        <Route path="my-assessments" element={<MyAssessmentsPage />} />
        <Route path="assessment-entries" element={<AssessmentEntriesPage />} />
        <Route path="plan-imports/:id" element={<ReviewPage />} />
        <Route
          path="settings/unit-keywords"
          element={
            <RequireArea area="unitKeywords">
              <UnitKeywordsPage />
            </RequireArea>
          }
        />
        <Route
          path="settings/work-calendar"
          element={
            <RequireArea area="workCalendar">
              <WorkCalendarPage />
            </RequireArea>
          }
        />
        <Route
          path="settings/document-numbers"
          element={
            <RequireArea area="documentNumbers">
              <DocumentNumbersPage />
            </RequireArea>
          }
        />
        <Route
          path="settings/channels"
          element={
            <RequireArea area="channels">
              <ChannelsPage />
            </RequireArea>
          }
        />
        <Route
          path="units"
          element={
            <RequireArea area="units">
              <UnitsPage />
            </RequireArea>
          }
        />
        <Route
          path="groups"
          element={
            <RequireArea area="groups">
              <GroupsPage />
            </RequireArea>
          }
        />
        <Route
          path="users"
          element={
            <RequireArea area="users">
              <UsersPage />
            </RequireArea>
          }
        />
        <Route
          path="audit"
          element={
            <RequireArea area="audit">
              <AuditPage />
            </RequireArea>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
