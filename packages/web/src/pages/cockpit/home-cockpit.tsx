import { useSearchParams } from "react-router";
import { CockpitScreen } from "./cockpit-screen";

/** The cockpit on the home page: the plan and the day in the address (`/?plan=…&asOf=…`), newest plan by default. */
export function HomeCockpit() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <CockpitScreen
      planId={searchParams.get("plan") ?? ""}
      asOf={searchParams.get("asOf") ?? undefined}
      onChange={(next) => {
        const params = new URLSearchParams({ plan: next.planId });
        if (next.asOf) params.set("asOf", next.asOf);
        setSearchParams(params);
      }}
    />
  );
}
