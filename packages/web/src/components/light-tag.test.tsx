import type { Light } from "@duban/domain";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LightCounts, LightTag } from "./light-tag";

// Written out rather than read from the mapping under test, so a swapped label or colour fails here.
const expected: { light: Light; label: string; tag: string; dot: string; name: string }[] = [
  { light: "red", label: "逾期", tag: "ant-tag-red", dot: "#f5222d", name: "红灯" },
  { light: "yellow", label: "滞后", tag: "ant-tag-gold", dot: "#faad14", name: "黄灯" },
  { light: "green", label: "正常", tag: "ant-tag-green", dot: "#52c41a", name: "绿灯" },
  { light: "grey", label: "未开始", tag: "ant-tag-default", dot: "#bfbfbf", name: "灰灯" },
  { light: "blue", label: "已完成", tag: "ant-tag-blue", dot: "#1677ff", name: "蓝灯" },
];

/** The tag's element, its text and its dot colour. */
function renderTag(light: string | null) {
  const { container } = render(<LightTag light={light} />);
  const tag = container.querySelector(".ant-tag") as HTMLElement;
  const dot = tag.querySelector("[aria-hidden]") as HTMLElement | null;
  return { tag, text: tag.textContent, dot: dot?.style.background };
}

describe("LightTag", () => {
  it.each(expected)("shows the $light light as $label in its own colour", ({ light, label, tag, dot }) => {
    const shown = renderTag(light);
    expect(shown.text).toBe(label);
    expect(shown.tag.classList.contains(tag)).toBe(true);
    expect(shown.dot).toBe(dot);
  });

  it("never shows 正常 for an overdue (red) task", () => {
    const shown = renderTag("red");
    expect(shown.text).toBe("逾期");
    expect(shown.tag.classList.contains("ant-tag-green")).toBe(false);
  });

  it("names the colour in its tooltip", async () => {
    render(<LightTag light="red" />);
    await userEvent.hover(screen.getByText("逾期"));
    expect(await screen.findByRole("tooltip")).toHaveProperty("textContent", "红灯");
  });

  it("shows a dash, not a colour, for a missing or unknown light", () => {
    expect(renderTag(null).text).toBe("—");
    expect(renderTag("overdue").text).toBe("—");
    expect(renderTag(null).dot).toBeUndefined();
  });
});

describe("LightCounts", () => {
  it("counts each colour by its name and meaning, leaving out colours with none", () => {
    const { container } = render(<LightCounts counts={{ red: 2, yellow: 0, green: 5, grey: 0, blue: 1 }} />);
    const items = [...container.querySelectorAll("span[title]")].map((item) => item.textContent);
    expect(items).toEqual(["红 逾期 2", "绿 正常 5", "蓝 已完成 1"]);
  });

  it("lists every colour when asked to", () => {
    const { container } = render(
      <LightCounts all counts={{ red: 0, yellow: 0, green: 0, grey: 3, blue: 0 }} />,
    );
    const items = [...container.querySelectorAll("span[title]")].map((item) => item.textContent);
    expect(items).toEqual(["红 逾期 0", "黄 滞后 0", "绿 正常 0", "灰 未开始 3", "蓝 已完成 0"]);
  });
});
