import { useNavigate, useParams, useSearchParams } from "react-router";
import { ForbiddenResult } from "../../components/forbidden-result";
import { PageHeader } from "../../components/page-header";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { cockpitLink } from "./cockpit-links";
import { CockpitScreen } from "./cockpit-screen";

/** 驾驶舱 of one plan (`/plans/:id/cockpit?asOf=YYYY-MM-DD`). */
export function CockpitPage() {
  const me = useSignedInUser();
  if (!me.abilities.cockpit.open) return <ForbiddenResult />;
  return <CockpitRoute />;
}

function CockpitRoute() {
  const { id = "" } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="驾驶舱" />
      <CockpitScreen
        planId={id}
        asOf={searchParams.get("asOf") ?? undefined}
        onChange={(next) => navigate(cockpitLink(next.planId, next.asOf))}
      />
    </>
  );
}
