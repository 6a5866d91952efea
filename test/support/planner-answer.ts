/** The fields of the planner's JSON answers (src/http/planner) that its tests read. */
export interface PlannerAnswer {
  fms: { upn: string; weeks: { estimates: number }[] }[];
  weeks: unknown[];
  workloads: {
    customerName: string;
    code: string;
    targetDate: unknown;
    engagementStartDate: unknown;
    gapToNext: unknown;
  }[];
  overdue: { customerName: string; workloadCode: string }[];
  documented: {
    customerName: string;
    workloadCode: string;
    engagementStartDate: string;
    recorded: string;
  }[];
  upcoming: { customerName: string }[];
  gapMeasure: string;
  tenants: { customerName: string }[];
  problems: { path: string }[];
  language: string;
  strings: Record<string, string>;
}
