import type {
  Assignment,
  HandDown,
  HandDownCounty,
  Me,
  PlanDetail,
  PlanTreeNode,
  ReceivedHandDown,
  Report,
} from "@duban/domain";

/** A submitted report of 第一中学, version 7, that the viewer may review. */
export function submittedReport(overrides: Partial<Report> = {}): Report {
  return {
    id: "report-1",
    cycle: { id: "cycle-1", name: "2023年6月", dueDate: "2023-06-30", status: "open" },
    assignmentId: "assignment-1",
    unit: { id: "unit-1", name: "第一中学" },
    status: "submitted",
    progress: 40,
    doneText: "已完成方案制定",
    problemsText: "",
    nextText: "",
    values: [],
    files: [],
    late: false,
    submittedAt: "2023-06-20T02:00:00.000Z",
    reviewedAt: null,
    returnReason: null,
    history: [],
    version: 7,
    abilities: { edit: false, submit: false, review: true },
    ...overrides,
  };
}

/** A task of a published plan, led by 教育科, due at the end of June 2023. */
export function taskNode(overrides: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return {
    id: "node-1",
    level: "task",
    label: "1.",
    number: 1,
    title: "推进课后服务全覆盖",
    text: "推进课后服务全覆盖，提高质量。",
    span: null,
    leadUnit: { id: "unit-edu", name: "教育科" },
    coUnits: [],
    deadline: null,
    startDate: "2023-01-01",
    dueDate: "2023-06-30",
    weight: 1,
    progress: 40,
    status: "active",
    light: "green",
    lightCounts: null,
    assignmentCount: 2,
    version: 3,
    measures: [],
    indicators: [],
    milestones: [],
    children: [],
    abilities: {
      assign: false,
      decompose: false,
      changeLead: false,
      requestClose: false,
      decideClose: false,
    },
    ...overrides,
  };
}

/** A section node holding `children`. */
export function sectionNode(overrides: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return taskNode({
    id: "section-1",
    level: "section",
    label: "一、",
    number: null,
    title: "深化教育改革",
    text: "",
    leadUnit: null,
    startDate: null,
    dueDate: null,
    progress: 0,
    light: null,
    lightCounts: { red: 1, yellow: 0, green: 1, grey: 0, blue: 0 },
    assignmentCount: 0,
    ...overrides,
  });
}

/** A published 2023 plan with the given tree. */
export function publishedPlan(nodes: PlanTreeNode[], overrides: Partial<PlanDetail> = {}): PlanDetail {
  return {
    id: "plan-2023",
    year: 2023,
    title: "2023年教育工作要点",
    issuer: "区教育局",
    docNumber: "区教〔2023〕1号",
    status: "published",
    livePastYear: false,
    sectionCount: 1,
    taskCount: nodes.length,
    indicatorCount: 0,
    milestoneCount: 0,
    publishedAt: "2023-01-10T02:00:00.000Z",
    createdAt: "2023-01-05T02:00:00.000Z",
    abilities: { copy: false, manageCycles: false, archive: false, unarchive: false, ledger: false },
    preamble: null,
    cadence: "monthly",
    cadenceDueDay: 25,
    lightTolerance: 10,
    version: 1,
    light: "yellow",
    lightCounts: { red: 1, yellow: 0, green: 1, grey: 0, blue: 0 },
    hasSourceFile: false,
    nodes,
    ...overrides,
  };
}

/** A signed-in user of the 2023 demo bureau with the given roles and abilities. */
export function signedIn(roles: Me["roles"], abilities: Me["abilities"], unit: Me["unit"] = null): Me {
  return {
    id: "user-1",
    name: "张老师",
    login: "zhang",
    roles,
    tenant: { id: "tenant-1", name: "示范区教育局" },
    unit,
    mustChangePassword: false,
    csrfToken: "csrf-token",
    abilities,
  };
}

/** An acknowledged, active assignment of the first task to 第一中学, due at the end of June 2023. */
export function activeAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: "assignment-1",
    planId: "plan-2023",
    node: { id: "node-1", title: "推进课后服务全覆盖", label: "1.", number: 1 },
    measure: null,
    unit: { id: "unit-1", name: "第一中学" },
    role: "executor",
    responsiblePerson: null,
    dueDate: "2023-06-30",
    status: "active",
    acknowledgedAt: "2023-01-11T02:00:00.000Z",
    progress: 40,
    light: "green",
    indicatorIds: [],
    removedReason: null,
    version: 1,
    createdAt: "2023-01-10T02:00:00.000Z",
    abilities: { acknowledge: false, report: false, requestExtension: false, remove: false },
    ...overrides,
  };
}

/** A county's row under a hand-down: linked and red unless told otherwise. */
export function handDownCounty(
  id: string,
  name: string,
  overrides: Partial<HandDownCounty> = {},
): HandDownCounty {
  return {
    tenant: { id, name },
    status: "linked",
    returnReason: null,
    linkedAt: null,
    light: "red",
    progress: null,
    summary: null,
    values: [],
    upward: null,
    weight: 1,
    ...overrides,
  };
}

/** 大连's task 9 handed down to the given counties, at version 0, with an empty roll-up. */
export function handDownOfTask9(counties: HandDownCounty[], overrides: Partial<HandDown> = {}): HandDown {
  return {
    id: "hd-9",
    plan: { id: "plan", title: "大连市教育局2023年工作要点" },
    node: { id: "node-9", label: "9.", title: "促进学前教育普及普惠发展" },
    kind: "task",
    title: "促进学前教育普及普惠发展",
    text: "",
    dueDate: null,
    targets: [],
    createdAt: "2023-06-01T00:00:00.000Z",
    version: 0,
    counties,
    rollup: { light: null, progress: 0, coverage: { reported: 0, expected: counties.length }, targets: [] },
    ...overrides,
  };
}

/** 大连's task 9 as 瓦房店's inbox holds it: pending, to link or return, unless told otherwise. */
export function receivedHandDown(overrides: Partial<ReceivedHandDown> = {}): ReceivedHandDown {
  return {
    id: "link-1",
    from: { id: "city", name: "大连市教育局" },
    superiorNode: { label: "9.", title: "促进学前教育普及普惠发展" },
    kind: "task",
    title: "促进学前教育普及普惠发展",
    text: "新建、改扩建公办幼儿园。",
    dueDate: "2023-12-31",
    targets: [],
    status: "pending",
    returnReason: null,
    linkedNode: null,
    handedAt: "2023-06-15T01:00:00.000Z",
    version: 0,
    abilities: { link: true, return: true },
    ...overrides,
  };
}
