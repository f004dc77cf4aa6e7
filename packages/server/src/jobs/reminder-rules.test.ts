import { defaultPlanReminderSettings, workCalendarOf } from "@duban/domain";
import { describe, expect, it } from "vitest";
import { dueReminders, isQuietHour, type ReminderSettings, robotSendTime } from "./reminder-rules.js";

const settings: ReminderSettings = defaultPlanReminderSettings;
/** The shipped official arrangements, as a bureau without tables of its own has them. */
const calendar = workCalendarOf();
const keys = (today: string, dueDate = "2026-06-10", s = settings) =>
  dueReminders({ today, dueDate, settings: s, calendar }).map((r) => r.key);

describe("dueReminders", () => {
  it("stays silent before the reminder window opens", () => {
    expect(keys("2026-06-06")).toEqual([]);
  });
  it("reminds once the due date is N days away or closer, under one key", () => {
    expect(keys("2026-06-07")).toEqual(["due_soon"]);
    expect(keys("2026-06-09")).toEqual(["due_soon"]);
    expect(keys("2026-06-03", "2026-06-10", { ...settings, remindDaysBefore: 7 })).toEqual(["due_soon"]);
  });
  it("reminds on the due day", () => {
    expect(keys("2026-06-10")).toEqual(["due"]);
  });
  it("reminds daily once overdue, keyed by the day", () => {
    expect(keys("2026-06-11")).toEqual(["overdue:2026-06-11"]);
    expect(keys("2026-06-12")).toEqual(["overdue:2026-06-12"]);
  });
  it("escalates to the unit's head after M days and to the supervisors after 2M days", () => {
    expect(keys("2026-06-13")).toEqual(["overdue:2026-06-13", "escalate_head"]);
    expect(keys("2026-06-15")).toEqual(["overdue:2026-06-15", "escalate_head"]);
    expect(keys("2026-06-16")).toEqual(["overdue:2026-06-16", "escalate_head", "escalate_supervisor"]);
    const s = { ...settings, escalateAfterDays: 1 };
    expect(keys("2026-06-12", "2026-06-10", s)).toEqual([
      "overdue:2026-06-12",
      "escalate_head",
      "escalate_supervisor",
    ]);
  });
  it("sends nothing at weekends when the plan reminds on working days only", () => {
    const s = { ...settings, remindWorkdaysOnly: true };
    expect(keys("2026-06-13", "2026-06-10", s)).toEqual([]); // Saturday
    expect(keys("2026-06-14", "2026-06-10", s)).toEqual([]); // Sunday
    expect(keys("2026-06-15", "2026-06-10", s)).toEqual(["overdue:2026-06-15", "escalate_head"]); // Monday
    expect(keys("2026-06-13", "2026-06-10")).toContain("escalate_head");
  });
  it("sends nothing on 国庆 2023 and reminds on its 调休 Saturday when the plan reminds on working days only", () => {
    const s = { ...settings, remindWorkdaysOnly: true };
    expect(keys("2023-10-02", "2023-09-30", s)).toEqual([]); // Monday, a 法定节假日
    expect(keys("2023-10-06", "2023-09-30", s)).toEqual([]); // Friday, still off
    expect(keys("2023-10-07", "2023-09-30", s)).toEqual([
      "overdue:2023-10-07",
      "escalate_head",
      "escalate_supervisor",
    ]);
    expect(keys("2023-10-02", "2023-09-30")).toEqual(["overdue:2023-10-02"]); // every day without the option
  });
  it("counts a year without an arrangement Monday to Friday", () => {
    const s = { ...settings, remindWorkdaysOnly: true };
    expect(keys("2027-10-01", "2027-10-01", s)).toEqual(["due"]); // a Friday: no 2027 arrangement ships
    expect(keys("2027-10-02", "2027-10-01", s)).toEqual([]); // Saturday
  });
});

describe("calendar and quiet hours", () => {
  it("keeps robots quiet from 22:00 to 07:00 Shanghai time", () => {
    expect(isQuietHour(new Date("2026-06-10T21:59:00+08:00"))).toBe(false);
    expect(isQuietHour(new Date("2026-06-10T22:00:00+08:00"))).toBe(true);
    expect(isQuietHour(new Date("2026-06-11T06:59:00+08:00"))).toBe(true);
    expect(isQuietHour(new Date("2026-06-11T07:00:00+08:00"))).toBe(false);
  });
  it("defers a night robot message to 07:00 the next morning", () => {
    expect(robotSendTime(new Date("2026-06-10T23:30:00+08:00")).toISOString()).toBe(
      "2026-06-10T23:00:00.000Z",
    );
    expect(robotSendTime(new Date("2026-06-11T03:00:00+08:00")).toISOString()).toBe(
      "2026-06-10T23:00:00.000Z",
    );
    const day = new Date("2026-06-11T09:00:00+08:00");
    expect(robotSendTime(day)).toBe(day);
  });
});
