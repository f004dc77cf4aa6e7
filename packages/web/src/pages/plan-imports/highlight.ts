/** Colours of highlighted items in the source document and their tags in the tree. */
export const highlightStyles = {
  target: { background: "#e6f4ff", border: "#1677ff", tag: "blue", label: "指标" },
  milestone: { background: "#fff1e6", border: "#fa8c16", tag: "orange", label: "节点" },
} as const;

/** A kind of highlighted item. */
export type HighlightKind = keyof typeof highlightStyles;

/**
 * Scrolls the scrollable `container` so the element marked `data-<attr>="key"` sits in its upper third. Only the
 * pane moves, never the page, so on a phone the detail panel the user is looking at stays put.
 */
export function scrollToKey(container: HTMLElement | null, attr: string, key: string): void {
  const element = container?.querySelector(`[data-${attr}="${CSS.escape(key)}"]`);
  if (!container || !element) return;
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset - container.clientHeight / 3, behavior: "smooth" });
}
