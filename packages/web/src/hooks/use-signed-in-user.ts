import type { Me } from "@duban/domain";
import { useMe } from "../api/auth";

/** The signed-in user inside the guarded layout, where the session is known to exist. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useSignedInUser used outside the signed-in layout");
  return data;
}
