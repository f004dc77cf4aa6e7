import type { Form } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { sentForm } from "../../test/form-fixture";
import { renderInApp } from "../../test/render";
import { FormPage } from "./form-page";

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200, abilities: {} });

function setup(form: Form, write: () => ReturnType<Parameters<typeof mockApi>[0]>) {
  const sent = mockApi((request) => {
    if (request.method !== "GET") return write();
    if (request.url.startsWith("/api/forms/form-1")) return { status: 200, body: form };
    return { status: 200, body: page([]) };
  });
  renderInApp(
    <Routes>
      <Route path="/forms/:id" element={<FormPage />} />
    </Routes>,
    { path: "/forms/form-1" },
  );
  return { sent, user: userEvent.setup({ delay: null }) };
}

const writes = (sent: ReturnType<typeof mockApi>) => sent.filter((r) => r.method !== "GET");

describe("FormPage archive", () => {
  it("archives the form only after the confirmation, at the version shown", async () => {
    const archived: Form = {
      ...sentForm,
      status: "archived",
      abilities: { ...sentForm.abilities, archive: false, restore: true },
    };
    const { sent, user } = setup(sentForm, () => ({ status: 200, body: archived }));
    await user.click(await screen.findByRole("button", { name: /归档/ }));
    expect(await screen.findByText("归档这张填报表？")).toBeTruthy();
    expect(writes(sent)).toEqual([]);
    const confirm = screen.getAllByRole("button", { name: /归档/ }).at(-1)!;
    await user.click(confirm);
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect(writes(sent)[0]).toEqual({
      method: "POST",
      url: "/api/forms/form-1/archive",
      body: { version: 3 },
    });
    expect(await screen.findByText("填报表已归档")).toBeTruthy();
  });

  it("offers 恢复, not 归档, on an archived form", async () => {
    const archived: Form = {
      ...sentForm,
      status: "archived",
      abilities: { ...sentForm.abilities, edit: false, send: false, archive: false, restore: true },
    };
    const { sent, user } = setup(archived, () =>
      errorAnswer(409, "stale_version", "该填报表已被他人修改，请刷新后再操作"),
    );
    await user.click(await screen.findByRole("button", { name: /恢复/ }));
    expect(screen.queryByRole("button", { name: /归档/ })).toBeNull();
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect(writes(sent)[0]).toEqual({
      method: "POST",
      url: "/api/forms/form-1/restore",
      body: { version: 3 },
    });
  });
});
