import { describe, expect, it } from "vitest";
import { nextStatus } from "./actor.js";
import {
  nodeActions,
  nodeStatuses,
  nodeTransitions,
  type TaskAbilities,
  taskAbilities,
  taskAbilitiesSchema,
} from "./tasks.js";
import { type ActorName, actors, leadUnitId } from "./test-fixtures/actors.js";

const none: TaskAbilities = {
  assign: false,
  decompose: false,
  changeLead: false,
  requestClose: false,
  decideClose: false,
};

/** Expected abilities per status; actors not named may do nothing. */
const expected: Record<(typeof nodeStatuses)[number], Partial<Record<ActorName, TaskAbilities>>> = {
  active: {
    supervisor: { ...none, assign: true, decompose: true, changeLead: true },
    leadDepartment: { ...none, assign: true, decompose: true, requestClose: true },
  },
  closing: {
    supervisor: { ...none, assign: true, decompose: true, changeLead: true, decideClose: true },
    leadDepartment: { ...none, assign: true, decompose: true },
  },
  closed: {},
};

describe("nodeTransitions", () => {
  it("allows exactly these moves", () => {
    const table = nodeStatuses.flatMap((from) =>
      nodeActions.flatMap((action) => {
        const to = nextStatus(nodeTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual([
      "active -requestClose-> closing",
      "closing -confirmClose-> closed",
      "closing -returnClose-> active",
    ]);
  });
});

describe("taskAbilities", () => {
  for (const status of nodeStatuses)
    for (const name of Object.keys(actors) as ActorName[])
      it(`gives ${name} on a ${status} task ${JSON.stringify(expected[status][name] ?? none)}`, () => {
        const abilities = taskAbilities(actors[name], { leadUnitId, status });
        expect(abilities).toEqual(expected[status][name] ?? none);
        expect(taskAbilitiesSchema.parse(abilities)).toEqual(abilities);
      });

  it("gives a department nothing on a task another unit leads", () => {
    expect(taskAbilities(actors.leadDepartment, { leadUnitId: "unit-else", status: "active" })).toEqual(none);
  });
});
