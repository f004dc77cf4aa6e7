import type { ECElementEvent, EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { type CSSProperties, useEffect, useRef } from "react";

/**
 * A chart drawn with the tree-shaken `echarts/core` (callers register the parts they use). A small wrapper
 * instead of echarts-for-react, whose ESM build imports `tslib` without declaring it, so it does not bundle here.
 * `onClick` receives the clicked element (a slice, bar, point, cell or, with `triggerEvent`, an axis label).
 */
export function EChart({
  option,
  style,
  onClick,
  label,
}: {
  option: EChartsCoreOption;
  style?: CSSProperties;
  onClick?: (event: ECElementEvent) => void;
  /** What the chart shows, for screen readers and tests (the canvas itself says nothing). */
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a new closure on each render needs no re-binding.
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on("click", (event) => clickRef.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return label ? (
    <div ref={ref} style={style} role="img" aria-label={label} />
  ) : (
    <div ref={ref} style={style} />
  );
}
