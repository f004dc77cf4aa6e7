import { notificationKinds } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { NotificationSettings } from "./notification-settings";

const all = { preferences: notificationKinds.map((kind) => ({ kind, mode: "push" })) };

describe("NotificationSettings", () => {
  it("lists every kind by its Chinese name and saves one changed mode", async () => {
    const sent = mockApi(() => ({ status: 200, body: all }));
    renderInApp(<NotificationSettings />);
    const select = await screen.findByRole("combobox", { name: "催办的接收方式" });
    expect(screen.getAllByRole("combobox")).toHaveLength(notificationKinds.length);
    const user = userEvent.setup({ delay: null });
    await user.click(select);
    await user.click(await screen.findByTitle("每日汇总（8:00）"));
    expect(await screen.findByText("已保存接收设置")).toBeTruthy();
    await waitFor(() =>
      expect(sent.filter((s) => s.method === "PUT")).toEqual([
        {
          method: "PUT",
          url: "/api/notification-preferences",
          body: { preferences: [{ kind: "reminder", mode: "digest" }] },
        },
      ]),
    );
  });
});
