import type { EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { type CSSProperties, useEffect, useRef } from "react";

/**
 * A chart drawn with the tree-shaken `echarts/core` (callers register the parts they use). A small wrapper
 * instead of echarts-for-react, whose ESM build imports `tslib` without declaring it, so it does not bundle here.
 */
export function EChart({ option, style }: { option: EChartsCoreOption; style?: CSSProperties }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
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
  return <div ref={ref} style={style} />;
}
