import { notificationKinds, notificationLinkKinds, notificationLinks } from "@duban/domain";
import type { ReactElement } from "react";
import { createRoutesFromElements, matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";
import { AppRoutes } from "../../app-routes";

const routes = createRoutesFromElements(
  (AppRoutes() as ReactElement<{ children: ReactElement }>).props.children,
);

const id = "0b6e7a8e-3c1f-4f0e-9d43-5d0a1f2b3c4d";
const other = "5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";

/** A sample of each link the server writes, with ids in place. */
const samples: Record<keyof typeof notificationLinks, string> = {
  assignment: notificationLinks.assignment(id),
  report: notificationLinks.report(id, other),
  notice: notificationLinks.notice(id),
  extension: notificationLinks.extension(id),
  rectification: notificationLinks.rectification(id),
  task: notificationLinks.task(id, other),
  instruction: notificationLinks.instruction(id),
  bulletin: notificationLinks.bulletin(id),
  assessment: notificationLinks.assessment(id),
  formSubmission: notificationLinks.formSubmission(id),
  receivedCascadeNotice: notificationLinks.receivedCascadeNotice(id),
  issuedCascadeNotice: notificationLinks.issuedCascadeNotice(id),
  received: notificationLinks.received(id),
  handDown: notificationLinks.handDown(id),
};

/** The route a path lands on in the app, by its pattern; `*` is the 404 page. */
function landing(path: string): string {
  const { pathname } = new URL(path, "http://localhost");
  const matches = matchRoutes(routes, pathname) ?? [];
  return matches.map((m) => m.route.path ?? "").join("/");
}

describe("notification links", () => {
  for (const kind of notificationKinds)
    for (const record of notificationLinkKinds[kind])
      it(`opens a real page for ${kind} (${record})`, () => {
        const route = landing(samples[record]);
        expect(route).not.toMatch(/\*$/);
        expect(route).not.toBe("");
      });

  it("lands an unknown path on the 404 page", () => {
    expect(landing("/instructions-missing/1")).toMatch(/\*$/);
  });

  it("opens a 批示 on its own page, not the leader's list", () => {
    expect(landing(samples.instruction)).toBe("/instructions/:id");
  });

  it("opens a returned form submission on the page where the unit corrects it", () => {
    expect(notificationLinkKinds["form.returned"]).toEqual(["formSubmission"]);
    expect(landing(samples.formSubmission)).toBe("/form-submissions/:id");
  });
});
