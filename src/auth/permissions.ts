import { Role } from "./roles";

/** What each role may change (DESIGN: roles). Visibility is separate: see viewer.ts scopes. */
export enum Permission {
  MANAGE_ORGANISATIONS = "MANAGE_ORGANISATIONS",
  MANAGE_CONSORTIA = "MANAGE_CONSORTIA",
  MANAGE_AGREEMENTS = "MANAGE_AGREEMENTS",
  MANAGE_HOUSEHOLDS = "MANAGE_HOUSEHOLDS",
  CHANGE_HOUSEHOLD_STATUS = "CHANGE_HOUSEHOLD_STATUS",
  /** Add and retire templates of the standard integration path. */
  MANAGE_TASK_TEMPLATES = "MANAGE_TASK_TEMPLATES",
  /** Choose which member does which task category under an agreement. */
  MANAGE_RESPONSIBILITIES = "MANAGE_RESPONSIBILITIES",
  /** Record feedback, key-moment reports and meetings under an agreement. */
  RECORD_COOPERATION_EVENTS = "RECORD_COOPERATION_EVENTS",
  /** Record Fedasil's evaluation moments. */
  RECORD_EVALUATIONS = "RECORD_EVALUATIONS",
  /** Work on the consortium's tasks: status of one's own, comments, hand-overs. */
  WORK_ON_TASKS = "WORK_ON_TASKS",
  /** Assign any task of the consortium to any current member. */
  ASSIGN_TASKS = "ASSIGN_TASKS",
  /** Add dated funding rate schedules. */
  MANAGE_FUNDING_RATES = "MANAGE_FUNDING_RATES",
  /** Mark funding lines settled and enter manual adjustments. */
  MANAGE_FUNDING_LINES = "MANAGE_FUNDING_LINES",
  /** Propose, approve and reject split rules of the consortium's agreements. */
  DECIDE_SPLIT_RULES = "DECIDE_SPLIT_RULES",
  /** Keep report definitions, rename, share and delete them. */
  SAVE_REPORTS = "SAVE_REPORTS",
}

const GRANTS: Record<Role, readonly Permission[]> = {
  [Role.PARTNER_STAFF]: [Permission.RECORD_COOPERATION_EVENTS, Permission.WORK_ON_TASKS],
  [Role.PARTNER_COORDINATOR]: [Permission.MANAGE_HOUSEHOLDS, Permission.CHANGE_HOUSEHOLD_STATUS, Permission.MANAGE_RESPONSIBILITIES, Permission.RECORD_COOPERATION_EVENTS, Permission.WORK_ON_TASKS, Permission.ASSIGN_TASKS, Permission.DECIDE_SPLIT_RULES],
  [Role.FEDASIL_STAFF]: [Permission.CHANGE_HOUSEHOLD_STATUS, Permission.RECORD_COOPERATION_EVENTS, Permission.RECORD_EVALUATIONS, Permission.SAVE_REPORTS],
  [Role.FEDASIL_ADMIN]: [
    Permission.MANAGE_ORGANISATIONS,
    Permission.MANAGE_CONSORTIA,
    Permission.MANAGE_AGREEMENTS,
    Permission.CHANGE_HOUSEHOLD_STATUS,
    Permission.MANAGE_TASK_TEMPLATES,
    Permission.RECORD_COOPERATION_EVENTS,
    Permission.RECORD_EVALUATIONS,
    Permission.MANAGE_FUNDING_RATES,
    Permission.MANAGE_FUNDING_LINES,
    Permission.SAVE_REPORTS,
  ],
  [Role.EVALUATOR]: [Permission.SAVE_REPORTS],
};

export function may(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
