/** Sets the happy-dom window to `width` px (a phone is 390), so Ant Design's breakpoints match it. */
export function setViewportWidth(width: number): void {
  const happy = (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM;
  happy.setViewport({ width, height: width < 768 ? 844 : 768 });
}
