import type { Form } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { sentForm } from "../../test/form-fixture";
import { renderInApp } from "../../test/render";
import { FormDesigner } from "./form-designer";

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200, abilities: {} });

function setup(form: Form | null, answer: Parameters<typeof mockApi>[0]) {
  const sent = mockApi((request) =>
    request.url.startsWith("/api/units/options") ? { status: 200, body: page([]) } : answer(request),
  );
  renderInApp(<FormDesigner planId="plan-1" form={form} />);
  return { sent, user: userEvent.setup({ delay: null }) };
}

const writes = (sent: ReturnType<typeof mockApi>) => sent.filter((r) => r.method !== "GET");

describe("FormDesigner", () => {
  it("edits fields of several types with their settings and sends exactly what was set", async () => {
    const { sent, user } = setup(null, () => ({ status: 201, body: { ...sentForm, id: "form-9" } }));
    await user.type(screen.getByLabelText("填报表名称"), "幼儿园基本情况统计表");
    const first = screen.getByRole("group", { name: "字段 1" });
    await user.type(within(first).getByLabelText("字段名称"), "在园幼儿数");
    await user.type(within(first).getByLabelText("最小值"), "0");
    await user.type(within(first).getByLabelText("计量单位"), "人");

    await user.click(screen.getByRole("button", { name: /添加字段/ }));
    const second = screen.getByRole("group", { name: "字段 2" });
    await user.type(within(second).getByLabelText("字段名称"), "生均面积");
    await user.click(within(second).getByLabelText("类型"));
    await user.click(await screen.findByTitle("小数"));
    // A decimal asks for its decimal places; the choice's option list is not offered.
    expect(within(second).getByLabelText("小数位数")).toBeTruthy();
    expect(within(second).queryByLabelText("选项")).toBeNull();
    await user.clear(within(second).getByLabelText("小数位数"));
    await user.type(within(second).getByLabelText("小数位数"), "1");
    await user.click(within(second).getByLabelText("必填"));

    await user.click(screen.getByRole("button", { name: "创建填报表" }));
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect(writes(sent)[0]).toEqual({
      method: "POST",
      url: "/api/plans/plan-1/forms",
      body: {
        title: "幼儿园基本情况统计表",
        description: "",
        rules: [],
        fields: [
          {
            key: "f1",
            label: "在园幼儿数",
            type: "integer",
            required: true,
            min: 0,
            max: null,
            decimals: null,
            unit: "人",
            options: null,
            help: null,
          },
          {
            key: "f2",
            label: "生均面积",
            type: "decimal",
            required: false,
            min: null,
            max: null,
            decimals: 1,
            unit: null,
            options: null,
            help: null,
          },
        ],
      },
    });
  });

  it("checks a cross-field rule as it is typed, naming what is wrong", async () => {
    const { user } = setup(sentForm, () => ({ status: 200, body: sentForm }));
    const check = screen.getByRole("status", { name: "规则检查" });
    expect(check.textContent).toBe("规则可用");
    const rule = screen.getByLabelText("规则");
    await user.clear(rule);
    await user.type(rule, "民办在园幼儿数 <= 在园幼儿数");
    expect(check.textContent).toBe("第 1 个字符处：表中没有名为「民办在园幼儿数」的字段");
  });

  it("fixes the types of a sent form's fields and keeps a field a formula uses", () => {
    setup(sentForm, () => ({ status: 200, body: sentForm }));
    const first = screen.getByRole("group", { name: "字段 1" });
    expect(within(first).getByRole("button", { name: "删除字段" }).hasAttribute("disabled")).toBe(true);
    const second = screen.getByRole("group", { name: "字段 2" });
    expect(within(second).getByRole("button", { name: "删除字段" }).hasAttribute("disabled")).toBe(false);
    expect(within(first).getByLabelText("类型").closest(".ant-select-disabled")).toBeTruthy();
  });

  it("says when someone else saved the form first and offers to reload", async () => {
    const { sent, user } = setup(sentForm, () =>
      errorAnswer(409, "stale_version", "数据已被他人修改，请刷新后重试"),
    );
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("这张填报表已被他人修改，您的修改没有保存")).toBeTruthy();
    expect(screen.getByRole("button", { name: "重新加载" })).toBeTruthy();
    expect(writes(sent).map((r) => (r.body as { version: number }).version)).toEqual([3]);
  });

  it("shows the form's 每个填报周期自动发放 setting and saves it as set", async () => {
    const auto: Form = {
      ...sentForm,
      autoRound: { groupIds: ["g-1"], deadline: { kind: "days_after_open", days: 5 } },
    };
    const { sent, user } = setup(auto, () => ({ status: 200, body: auto }));
    expect(screen.getByRole("switch", { name: "每个填报周期自动发放" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    const days = await screen.findByLabelText("开启后天数");
    await user.clear(days);
    await user.type(days, "12");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect((writes(sent)[0]!.body as { autoRound: unknown }).autoRound).toEqual({
      groupIds: ["g-1"],
      unitIds: [],
      deadline: { kind: "days_after_open", days: 12 },
    });
  });

  it("turns the setting off: the edit sends it as null", async () => {
    const auto: Form = { ...sentForm, autoRound: { unitIds: ["u-1"], deadline: { kind: "cycle_due" } } };
    const { sent, user } = setup(auto, () => ({ status: 200, body: auto }));
    await user.click(screen.getByRole("switch", { name: "每个填报周期自动发放" }));
    expect(screen.queryByLabelText("截止日期规则")).toBeNull();
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect((writes(sent)[0]!.body as { autoRound: unknown }).autoRound).toBeNull();
  });
});
