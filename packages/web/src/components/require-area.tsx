import type { ReactNode } from "react";
import { useSignedInUser } from "../hooks/use-signed-in-user";
import { ForbiddenResult } from "./forbidden-result";
import { type Area, canOpen } from "./navigation";

/** Renders a page only for users who may open its area; others see 403. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const me = useSignedInUser();
  return canOpen(me, area) ? children : <ForbiddenResult />;
}
