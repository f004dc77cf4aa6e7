import type { DemoActor } from "./demo-story.js";

/** The city bureau's demo accounts: its 督查室 and its director, who hand tasks down to 瓦房店 and follow them. */
export const demoCityUsers: [login: string, name: string, roles: ("supervisor" | "leader")[]][] = [
  ["dlducha", "陈督查", ["supervisor"]],
  ["dljuzhang", "孙局长", ["leader"]],
];

/**
 * 大连市教育局's demo 工作要点, short: its task 9 is the preschool task 瓦房店's own task 9 carries out, with the same
 * two targets, so a hand-down links to it and its figures roll up.
 */
export const demoCityPlanText = `大连市教育局2023年工作要点
一、坚持党对教育工作的全面领导
1.加强党的政治建设。深入学习贯彻党的二十大精神，落实党组织领导的校长负责制。
2.落实全面从严治党主体责任。加强教育系统党风廉政建设。
3.加强教师队伍建设。深化师德师风建设，完善教师培训体系。
二、推动各级各类教育高质量发展
4.深化基础教育综合改革。推进义务教育优质均衡发展。
5.落实“双减”工作要求。提升课后服务质量。
6.推进普通高中多样化特色发展。深化育人方式改革。
7.推动职业教育提质培优。深化产教融合、校企合作。
8.加强特殊教育和专门教育。完善融合教育体系。
9.促进学前教育普及普惠发展。扩大公办学前教育资源，全市2023年公办幼儿园在园幼儿占比达到50%，普惠园覆盖率达到85%。
三、守牢教育安全底线
10.加强校园安全管理。开展安全隐患排查整治。
`;

/** Publishes the city's plan through the API as its 督查室. */
export async function publishDemoCityPlan(office: DemoActor): Promise<string> {
  const draft = await office.call<{ id: string; version: number }>("POST", "/api/plan-imports", {
    text: demoCityPlanText,
  });
  const { planId } = await office.call<{ planId: string }>("POST", `/api/plan-imports/${draft.id}/publish`, {
    version: draft.version,
  });
  return planId;
}
