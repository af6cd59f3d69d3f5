import type { Database } from "../../src/database/database";
import { toGlobalId } from "../../src/graphql/global-id";
import type { TestApp } from "../support/test-app";
import { USERS, type World } from "../support/world";

/** The day the walk's Date arguments carry: Gent's household arrived then, so its funding lines fall on it. */
export const FIXED_DATE = "2026-02-02";

/** Gent's household of recognisable personal data, written straight to the database. */
const GENT = {
  reference: "PRIV-GENT-QX7",
  family: "Quillfeather",
  persons: [
    { given_name: "Zephyrine", birth_date: "1961-07-13", sex: "FEMALE", relationship: "HEAD" },
    { given_name: "Barnabas", birth_date: "1963-02-27", sex: "MALE", relationship: "PARTNER" },
    { given_name: "Ottoline", birth_date: "2016-10-05", sex: "FEMALE", relationship: "CHILD" },
  ],
  street: "Zonnebloemstraat 417",
};

/** Where each personal type's rows of Gent are, by the GraphQL type that shows them. */
const GENT_ROWS: Record<string, string> = {
  Household: `SELECT id FROM household WHERE agreement_id = $1`,
  Person: `SELECT p.id FROM person p JOIN household h ON h.id = p.household_id WHERE h.agreement_id = $1`,
  Accommodation: `SELECT a.id FROM accommodation a JOIN household h ON h.id = a.household_id WHERE h.agreement_id = $1`,
  Task: `SELECT id FROM task WHERE agreement_id = $1`,
  TaskEvent: `SELECT e.id FROM task_event e JOIN task t ON t.id = e.task_id WHERE t.agreement_id = $1`,
  TaskComment: `SELECT c.id FROM task_comment c JOIN task t ON t.id = c.task_id WHERE t.agreement_id = $1`,
  Handover: `SELECT o.id FROM handover o JOIN task t ON t.id = o.task_id WHERE t.agreement_id = $1`,
  CooperationEvent: `SELECT id FROM cooperation_event WHERE agreement_id = $1`,
  FundingLine: `SELECT id FROM funding_line WHERE agreement_id = $1 AND household_id IS NOT NULL`,
  SplitRule: `SELECT id FROM split_rule WHERE agreement_id = $1 AND household_id IS NOT NULL`,
};

export interface PersonalFixture {
  /** Gent's names, birth dates, references and street address: Liège and the evaluator must never see them. */
  gentValues: string[];
  /** Liège's: the evaluator must never see them either. */
  liegeValues: string[];
  /** Text to search filters with. */
  searchTexts: string[];
  /** Global IDs of Gent's personal rows, by GraphQL type, in a stable order. */
  gentIds: Record<string, string[]>;
  /** Database keys of every personal row of both consortia: no answer may carry one. */
  rawKeys: string[];
}

async function insert(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
  const [{ id }] = await db.manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders}) RETURNING id`, Object.values(row));
  return id;
}

/**
 * Gent's recognisable household (persons, a home) in the database, then its arrival and the work
 * around it through the API, as the consortium would do it: tasks, a comment, a hand-over, a
 * blocked task, a cooperation event, a split-rule override and a funding adjustment, each
 * mentioning the family. seedWorld's households (HH-GENT-1 Haddad, HH-LIEGE-1 Nasser) are personal too.
 */
export async function seedPersonalData(t: TestApp, world: World): Promise<PersonalFixture> {
  const db = t.app.db;
  const household = await insert(db, "household", { agreement_id: world.agreements.gent, reference: GENT.reference, arrival_route: "DIRECT", expected_arrival_on: FIXED_DATE });
  for (const person of GENT.persons) await insert(db, "person", { household_id: household, family_name: GENT.family, ...person });
  await insert(db, "accommodation", { household_id: household, street_address: GENT.street, postal_code: "9000", municipality: "Gent", available_from: FIXED_DATE, landlord_kind: "SOCIAL_HOUSING" });

  const mutate = mutator(t);
  const householdId = toGlobalId("Household", household);
  await mutate(USERS.gentCoordinator, "registerArrival", "RegisterArrivalInput", { householdId, expectedVersion: 1, arrivedOn: FIXED_DATE, arrivalRoute: "DIRECT" });
  const [school, other] = await db.manager.query(
    `SELECT id, version FROM task WHERE household_id = $1 AND assignee_organisation_id = $2 ORDER BY person_id IS NULL, due_on, id LIMIT 2`,
    [household, world.organisations.gentCity],
  );
  const taskId = (row: { id: string }) => toGlobalId("Task", row.id);
  await mutate(USERS.gentCoordinator, "commentOnTask", "CommentOnTaskInput", { taskId: taskId(school), body: `Ottoline ${GENT.family} starts school in March.` });
  await mutate(USERS.gentCoordinator, "proposeHandover", "ProposeHandoverInput", {
    taskId: taskId(school),
    expectedVersion: school.version,
    toOrganisationId: toGlobalId("Organisation", world.organisations.gentNgo),
    message: `Zephyrine ${GENT.family} knows your staff.`,
  });
  await mutate(USERS.gentCoordinator, "updateTaskStatus", "UpdateTaskStatusInput", { taskId: taskId(other), expectedVersion: other.version, status: "BLOCKED", reason: `Waiting for Barnabas ${GENT.family}'s papers.` });
  const agreementId = toGlobalId("Agreement", world.agreements.gent);
  await mutate(USERS.gentCoordinator, "recordCooperationEvent", "RecordCooperationEventInput", {
    agreementId,
    kind: "FEEDBACK",
    occurredOn: FIXED_DATE,
    title: `Feedback on ${GENT.reference}`,
    summary: `The ${GENT.family} family settled in at ${GENT.street}.`,
    householdIds: [householdId],
  });
  const members = [world.organisations.gentCity, world.organisations.gentPcsw, world.organisations.gentNgo];
  await mutate(USERS.gentCoordinator, "proposeSplitRule", "ProposeSplitRuleInput", {
    agreementId,
    householdId,
    effectiveFrom: FIXED_DATE,
    weights: members.map((key, i) => ({ organisationId: toGlobalId("Organisation", key), weight: i + 1 })),
  });
  await mutate(USERS.fedasilAdmin, "createFundingAdjustment", "CreateFundingAdjustmentInput", {
    agreementId,
    householdId,
    amount: { amount: "125.00", currencyCode: "EUR" },
    dueOn: FIXED_DATE,
    reason: `Interpreter for the ${GENT.family} family.`,
  });

  const gentIds: Record<string, string[]> = {};
  for (const [typeName, sql] of Object.entries(GENT_ROWS)) {
    const rows: Array<{ id: string }> = await db.manager.query(`${sql} ORDER BY 1`, [world.agreements.gent]);
    gentIds[typeName] = rows.map((row) => toGlobalId(typeName, row.id));
  }
  const rawKeys: Array<{ id: string }> = await db.manager.query(
    Object.values(GENT_ROWS)
      .map((sql) => sql.replace("= $1", "IN ($1, $2)"))
      .join(" UNION "),
    [world.agreements.gent, world.agreements.liege],
  );
  const gentValues = [
    GENT.reference,
    GENT.family,
    GENT.street,
    ...GENT.persons.flatMap((p) => [p.given_name, p.birth_date]),
    // seedWorld's Gent household; its given names and birth dates are Liège's too.
    "HH-GENT-1",
    "Haddad",
  ];
  const liegeValues = ["HH-LIEGE-1", "Nasser", "Amina", "Omar", "1990-04-02", "2015-09-12"];
  return { gentValues, liegeValues, searchTexts: [GENT.reference, GENT.family], gentIds, rawKeys: rawKeys.map((r) => r.id) };
}

/** Runs one mutation that must succeed. */
function mutator(t: TestApp) {
  return async (subject: string, name: string, inputType: string, input: Record<string, unknown>) => {
    const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { field code message } } }`, { input }, subject);
    expect(res.errors).toBeUndefined();
    expect({ name, userErrors: res.data[name].userErrors }).toEqual({ name, userErrors: [] });
  };
}
