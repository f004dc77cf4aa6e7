/**
 * States of an assessment run（考评）. A run is computed as `draft` (the 督查室 reviews the ranking and may adjust
 * points with reasons), then `published` to units (each sees its own result and may appeal until the window
 * closes), then `finalised` (locked: it never changes again; a new run is a new assessment). Only a formal run
 * (`final`) may be published; a trial run（试评）stays a draft and may be deleted.
 */
export const assessmentStatuses = ["draft", "published", "finalised"] as const;
/** An assessment run state. */
export type AssessmentStatus = (typeof assessmentStatuses)[number];
/** Chinese names of the run states. */
export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  draft: "待发布",
  published: "已发布（申诉期）",
  finalised: "已定档",
};

/** States of an appeal（申诉）. */
export const assessmentAppealStatuses = ["pending", "accepted", "rejected"] as const;
/** An appeal state. */
export type AssessmentAppealStatus = (typeof assessmentAppealStatuses)[number];
/** Chinese names of the appeal states. */
export const assessmentAppealStatusLabels: Record<AssessmentAppealStatus, string> = {
  pending: "待处理",
  accepted: "已采纳",
  rejected: "未采纳",
};

/** Where a point adjustment came from. */
export const assessmentAdjustmentSources = ["review", "appeal"] as const;
/** Source of an adjustment. */
export type AssessmentAdjustmentSource = (typeof assessmentAdjustmentSources)[number];
/** Chinese names of the adjustment sources, as a breakdown's fact lines begin. */
export const assessmentAdjustmentSourceLabels: Record<AssessmentAdjustmentSource, string> = {
  review: "复核调整",
  appeal: "申诉采纳",
};
