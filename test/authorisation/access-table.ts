import { USERS } from "../support/world";

/**
 * Who may run each root field (DESIGN: "Roles and what they see"), as the authorisation matrix
 * checks it. A field of the schema missing here, or a row naming no field, fails the matrix.
 */

/** The roles, anonymous first, and the user of the world who plays each (partners: in Gent). */
export const ROLES = ["anonymous", "PARTNER_STAFF", "PARTNER_COORDINATOR", "FEDASIL_STAFF", "FEDASIL_ADMIN", "EVALUATOR"] as const;
export type RoleName = (typeof ROLES)[number];

export const VIEWERS: Record<RoleName, string | null> = {
  anonymous: null,
  PARTNER_STAFF: USERS.gentStaff,
  PARTNER_COORDINATOR: USERS.gentCoordinator,
  FEDASIL_STAFF: USERS.fedasilStaff,
  FEDASIL_ADMIN: USERS.fedasilAdmin,
  EVALUATOR: USERS.evaluator,
};

export const isPartnerRole = (role: RoleName): boolean => role === "PARTNER_STAFF" || role === "PARTNER_COORDINATOR";

/**
 * What a case answers: `allowed` (data, or a mutation's success without user errors; with an
 * object, unlike the answer for a made-up ID), FORBIDDEN, NOT_FOUND (exactly the answer for a
 * made-up ID of the same type: the viewer learns nothing), UNAUTHENTICATED.
 */
export type Access = "allowed" | "FORBIDDEN" | "NOT_FOUND" | "UNAUTHENTICATED";

/** The object a case names: the viewer's own (partners: of Gent, their consortium) and another (of Liège; a report: another user's). */
export type Side = "own" | "other";

/** One access for both objects, or [own, other]. */
type Cell = Access | readonly [own: Access, other: Access];

export interface Row {
  /** The type of the object each case names (own, then other); null: the field is run once per role. */
  object: string | null;
  cells: Record<RoleName, Cell>;
}

const A = "allowed";
const F = "FORBIDDEN";
const N = "NOT_FOUND";
const U = "UNAUTHENTICATED";
/** Allowed on the viewer's own object; another's answers as a missing one. */
const OWN = [A, N] as const;
/** Refused on the viewer's own object; another's answers as a missing one. */
const NO = [F, N] as const;

function row(object: string | null, ...cells: [anonymous: Cell, staff: Cell, coordinator: Cell, fedasilStaff: Cell, fedasilAdmin: Cell, evaluator: Cell]): Row {
  return { object, cells: Object.fromEntries(ROLES.map((role, i) => [role, cells[i]])) as Row["cells"] };
}

export function expected(row: Row, role: RoleName, side: Side): Access {
  const cell = row.cells[role];
  return typeof cell === "string" ? cell : cell[side === "own" ? 0 : 1];
}

export const QUERIES: Record<string, Row> = {
  //                        object          anonymous staff coordinator fedasilStaff fedasilAdmin evaluator
  viewer:               row(null,           U,        A,    A,          A,           A,           A),
  node:                 row("Household",    U,        OWN,  OWN,        A,           A,           N),
  nodes:                row("Household",    U,        OWN,  OWN,        A,           A,           N),
  organisations:        row(null,           U,        A,    A,          A,           A,           A),
  consortia:            row("Organisation", U,        OWN,  OWN,        A,           A,           A),
  agreements:           row("Consortium",   U,        OWN,  OWN,        A,           A,           A),
  households:           row("Agreement",    U,        OWN,  OWN,        A,           A,           N),
  tasks:                row("Household",    U,        OWN,  OWN,        A,           A,           N),
  taskTemplates:        row(null,           U,        A,    A,          A,           A,           A),
  fundingRateSchedules: row(null,           U,        A,    A,          A,           A,           A),
  fundingStatement:     row("Agreement",    U,        OWN,  OWN,        A,           A,           F),
  programmeOverview:    row("Agreement",    U,        OWN,  OWN,        A,           A,           F),
  report:               row("Agreement",    U,        OWN,  OWN,        A,           A,           A),
  savedReports:         row(null,           U,        F,    F,          A,           A,           A),
  auditEvents:          row("Household",    U,        OWN,  OWN,        F,           A,           F),
};

export const MUTATIONS: Record<string, Row> = {
  //                           object                   anonymous staff coordinator fedasilStaff fedasilAdmin evaluator
  createOrganisation:        row(null,                   U,        F,    F,          F,           A,           F),
  createConsortium:          row(null,                   U,        F,    F,          F,           A,           F),
  addConsortiumMember:       row("Consortium",           U,        NO,   NO,         F,           A,           F),
  endConsortiumMembership:   row("ConsortiumMembership", U,        NO,   NO,         F,           A,           F),
  createAgreement:           row("Consortium",           U,        NO,   NO,         F,           A,           F),
  activateAgreement:         row("Agreement",            U,        NO,   NO,         F,           A,           F),
  endAgreement:              row("Agreement",            U,        NO,   NO,         F,           A,           F),
  setResponsibility:         row("Agreement",            U,        NO,   OWN,        F,           F,           F),
  createHousehold:           row("Agreement",            U,        NO,   OWN,        F,           F,           N),
  updateHousehold:           row("Household",            U,        NO,   OWN,        A,           A,           N),
  addPerson:                 row("Household",            U,        NO,   OWN,        F,           F,           N),
  updatePerson:              row("Person",               U,        NO,   OWN,        F,           F,           N),
  removePerson:              row("Person",               U,        NO,   OWN,        F,           F,           N),
  setAccommodation:          row("Household",            U,        NO,   OWN,        F,           F,           N),
  registerArrival:           row("Household",            U,        NO,   OWN,        F,           F,           N),
  extendAccompaniment:       row("Household",            U,        NO,   OWN,        A,           A,           N),
  assignTask:                row("Task",                 U,        NO,   OWN,        F,           F,           N),
  updateTaskStatus:          row("Task",                 U,        OWN,  OWN,        F,           F,           N),
  commentOnTask:             row("Task",                 U,        OWN,  OWN,        F,           F,           N),
  proposeHandover:           row("Task",                 U,        OWN,  OWN,        F,           F,           N),
  acceptHandover:            row("Handover",             U,        OWN,  OWN,        F,           F,           N),
  declineHandover:           row("Handover",             U,        OWN,  OWN,        F,           F,           N),
  withdrawHandover:          row("Handover",             U,        OWN,  OWN,        F,           F,           N),
  recordCooperationEvent:    row("Agreement",            U,        OWN,  OWN,        A,           A,           N),
  proposeSplitRule:          row("Agreement",            U,        NO,   OWN,        F,           F,           F),
  approveSplitRule:          row("SplitRule",            U,        NO,   OWN,        F,           F,           N),
  rejectSplitRule:           row("SplitRule",            U,        NO,   OWN,        F,           F,           N),
  settleFundingLines:        row("FundingLine",          U,        NO,   NO,         F,           A,           N),
  createFundingAdjustment:   row("Agreement",            U,        NO,   NO,         F,           A,           N),
  createFundingRateSchedule: row(null,                   U,        F,    F,          F,           A,           F),
  createTaskTemplate:        row(null,                   U,        F,    F,          F,           A,           F),
  retireTaskTemplate:        row(null,                   U,        F,    F,          F,           A,           F),
  saveReport:                row(null,                   U,        F,    F,          A,           A,           A),
  shareReport:               row("SavedReport",          U,        F,    F,          OWN,         OWN,         OWN),
  deleteReport:              row("SavedReport",          U,        F,    F,          OWN,         OWN,         OWN),
};

export const SUBSCRIPTIONS: Record<string, Row> = {
  //                    object       anonymous staff coordinator fedasilStaff fedasilAdmin evaluator
  taskAssigned:     row(null,        U,        A,    A,          A,           A,           F),
  taskChanged:      row("Household", U,        OWN,  OWN,        A,           A,           F),
  handoverProposed: row(null,        U,        A,    A,          A,           A,           F),
};
