import type { FormSubmission } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { errorAnswer, type MockAnswer, mockApi, type SentRequest } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { setViewportWidth } from "../../test/viewport";
import { FillPage } from "./fill-page";

/** 西城幼儿园's draft of the kindergarten form: two counts and one cross-field rule. */
function submission(overrides: Partial<FormSubmission> = {}): FormSubmission {
  return {
    id: "sub-1",
    form: { id: "form-1", title: "幼儿园基本情况统计表", planId: "plan-1" },
    round: { id: "round-1", name: "2023年秋季", deadline: "2023-06-30", status: "open" },
    unit: { id: "unit-xc", name: "瓦房店市西城幼儿园" },
    status: "draft",
    late: false,
    submittedAt: null,
    reviewedAt: null,
    returnReason: null,
    version: 2,
    updatedAt: "2023-06-15T01:00:00.000Z",
    abilities: { edit: true, submit: true, review: false },
    values: { f1: 120 },
    fields: [
      { key: "f1", label: "在园幼儿数", type: "integer", required: true, min: 0, max: null, unit: "人" },
      { key: "f2", label: "公办在园幼儿数", type: "integer", required: true, min: 0, max: null, unit: "人" },
    ],
    rules: [{ source: "公办在园幼儿数 <= 在园幼儿数", message: "公办在园幼儿数不能超过在园幼儿数" }],
    history: [],
    ...overrides,
  };
}

function renderFill(record: FormSubmission, write: (request: SentRequest) => MockAnswer) {
  const sent = mockApi((request) =>
    request.method === "GET" ? { status: 200, body: record } : write(request),
  );
  renderInApp(
    <Routes>
      <Route path="/form-submissions/:id" element={<FillPage />} />
    </Routes>,
    { path: "/form-submissions/sub-1" },
  );
  return { sent, user: userEvent.setup({ delay: null }) };
}

beforeEach(() => setViewportWidth(390));

describe("FillPage on a phone", () => {
  it("puts the server's refusal on the field it names and a broken rule above the buttons", async () => {
    const { sent, user } = renderFill(submission(), () =>
      errorAnswer(400, "validation_failed", "填报内容有误，请按提示修改", [
        { field: "f2", message: "公办在园幼儿数应为不小于 0 的整数" },
        { field: null, message: "公办在园幼儿数不能超过在园幼儿数" },
      ]),
    );
    const input = await screen.findByLabelText("公办在园幼儿数（人）");
    // A count brings up the phone's numeric keyboard.
    expect(input.getAttribute("inputmode")).toBe("numeric");
    await user.type(input, "300");
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(await screen.findByText("公办在园幼儿数应为不小于 0 的整数")).toBeTruthy();
    expect(screen.getByText("公办在园幼儿数不能超过在园幼儿数")).toBeTruthy();
    const writes = sent.filter((r) => r.method !== "GET");
    // 提交 saves first: the refused save is the only write, with every field's value and the version read.
    expect(writes).toEqual([
      {
        method: "PUT",
        url: "/api/form-submissions/sub-1",
        body: { values: { f1: 120, f2: 300 }, version: 2 },
      },
    ]);
  });

  it("saves a draft, then submits at the version the save returned", async () => {
    const { sent, user } = renderFill(submission(), (request) =>
      request.method === "PUT"
        ? { status: 200, body: submission({ version: 3 }) }
        : { status: 200, body: submission({ version: 4, status: "submitted" }) },
    );
    await user.type(await screen.findByLabelText("公办在园幼儿数（人）"), "80");
    await user.click(screen.getByRole("button", { name: "提交" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "POST")).toHaveLength(1));
    expect(sent.filter((r) => r.method !== "GET").map((r) => [r.method, r.url, r.body])).toEqual([
      ["PUT", "/api/form-submissions/sub-1", { values: { f1: 120, f2: 80 }, version: 2 }],
      ["POST", "/api/form-submissions/sub-1/submit", { version: 3 }],
    ]);
  });

  it("shows why a submission was returned above its fields", async () => {
    renderFill(submission({ status: "returned", returnReason: "公办在园幼儿数填错了，请核对" }), () => ({
      status: 200,
    }));
    expect(await screen.findByText("填报被退回，请修改后重新提交")).toBeTruthy();
    expect(screen.getByText("退回原因：公办在园幼儿数填错了，请核对")).toBeTruthy();
    expect(screen.getByLabelText("公办在园幼儿数（人）")).toBeTruthy();
  });

  it("locks an approved submission: its values are read, not edited", async () => {
    renderFill(
      submission({
        status: "approved",
        values: { f1: 120, f2: 80 },
        abilities: { edit: false, submit: false, review: false },
      }),
      () => ({ status: 200 }),
    );
    expect(await screen.findByText("已通过审核，数据已锁定")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "提交" })).toBeNull();
    expect(screen.queryByRole("button", { name: "保存草稿" })).toBeNull();
    expect(screen.getByText("80")).toBeTruthy();
  });
});
