import { Result, Spin } from "antd";
import { Navigate, useParams, useSearchParams } from "react-router";
import { useAssignment } from "../../api/execution";

/** `/assignments/:id`: opens the assignment's task, scrolled to a report when `?report=` names one. */
export function AssignmentRedirect() {
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const assignment = useAssignment(id);
  if (assignment.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (assignment.isError) return <Result status="warning" title={assignment.error.message} />;
  const report = search.get("report");
  const { planId, node } = assignment.data;
  return <Navigate replace to={`/plans/${planId}/tasks/${node.id}${report ? `#report-${report}` : ""}`} />;
}
