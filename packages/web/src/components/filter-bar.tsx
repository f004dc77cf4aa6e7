import { Flex } from "antd";
import type { ReactNode } from "react";
import { useIsMobile } from "../hooks/use-is-mobile";

/** A row of list filters that wraps; on phones two filters share a line. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

/** Width of one filter control: fixed on desktop; half the line on phones, or all of it when `wide`. */
export function useFilterWidth(desktop: number, wide = false): number | string {
  const isMobile = useIsMobile();
  if (!isMobile) return desktop;
  return wide ? "100%" : "calc(50% - 4px)";
}
