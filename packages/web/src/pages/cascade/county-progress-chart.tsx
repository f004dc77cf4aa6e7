import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Only the parts the 县区总览's bar draws.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { EChart as CountyProgressChart } from "../../components/echart";
