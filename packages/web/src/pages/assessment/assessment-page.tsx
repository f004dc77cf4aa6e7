import { Result, Spin } from "antd";
import { useParams } from "react-router";
import { useAssessment } from "../../api/assessments";
import { canOpen } from "../../components/navigation";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { OwnResult } from "./own-result";
import { RunReview } from "./run-review";

/**
 * A 考评 run (`/assessments/:id`): the rankings for those who see every unit (the 考评 area), a unit's own
 * result and appeal for a school or department.
 */
export function AssessmentPage() {
  const { id = "" } = useParams();
  const me = useSignedInUser();
  const run = useAssessment(id);
  if (run.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (run.isError) return <Result status="warning" title={run.error.message} />;
  return canOpen(me, "assessments") ? <RunReview run={run.data} /> : <OwnResult run={run.data} />;
}
