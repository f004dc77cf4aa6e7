import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInApp } from "../test/render";
import { IndicatorStatusTag } from "./indicator-status-tag";

describe("IndicatorStatusTag", () => {
  it("shows how many of the assigned units have reported beside the status", () => {
    renderInApp(<IndicatorStatusTag status="on_track" coverage={{ reported: 1, expected: 6 }} />);
    expect(screen.getByText("进展正常")).toBeTruthy();
    expect(screen.getByText("已报 1/6")).toBeTruthy();
    expect(screen.queryByText("已达成")).toBeNull();
  });

  it("says 无数据 when nothing is in, with 已报 0/6", () => {
    renderInApp(<IndicatorStatusTag status="no_data" coverage={{ reported: 0, expected: 6 }} />);
    expect(screen.getByText("无数据")).toBeTruthy();
    expect(screen.getByText("已报 0/6")).toBeTruthy();
    expect(screen.queryByText("未达成")).toBeNull();
  });

  it("shows no coverage for an indicator not yet assigned to any unit", () => {
    const { container } = renderInApp(
      <IndicatorStatusTag status="no_data" coverage={{ reported: 0, expected: 0 }} />,
    );
    expect(container.textContent).toBe("无数据");
  });
});
