import { useState } from "react";

/** List filters whose every change goes back to the first page. */
export function useFilters<T extends object>(initial: T, onChange: () => void) {
  const [filters, setFilters] = useState<T>(initial);
  const setFilter = <K extends keyof T>(key: K, value: T[K] | undefined) => {
    setFilters((current) => ({ ...current, [key]: value === "" || value === null ? undefined : value }));
    onChange();
  };
  return { filters, setFilter };
}
