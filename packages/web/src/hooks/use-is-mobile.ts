import { Grid } from "antd";

/** True below the `md` breakpoint (768 px), where the side menu becomes a drawer and forms stack. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop only when md is known.
  return screens.md === false;
}
