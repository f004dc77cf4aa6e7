import { useSearchParams } from "react-router";

/**
 * The list filters a link put in the address (e.g. a cockpit figure opening `/notices?planId=…&level=red`), as a
 * list's initial filters: only the named keys, empty values left out. The server validates them like any filter.
 */
export function useAddressFilters<T extends object>(keys: readonly (keyof T & string)[]): T {
  const [params] = useSearchParams();
  return Object.fromEntries(
    keys.flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  ) as T;
}
