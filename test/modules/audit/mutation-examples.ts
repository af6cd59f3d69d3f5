import { withCheckDigits } from "../../../src/modules/organisations/enterprise-number";
import { todayInBrussels } from "../../../src/shared/calendar";
import type { TestApp } from "../../support/test-app";
import { USERS, type World } from "../../support/world";
import { COORDINATORS } from "../funding/split-rules/split-rule-api";
import { gid, insertHousehold, insertRow } from "../households/fixtures";
import { plannedHousehold } from "../integration-path/support";
import { insertTask, insertTemplate } from "../tasks/fixtures";

type Input = Record<string, unknown>;
type Payload = Record<string, any>;

/** One mutation run successfully: who runs it, and the input it needs, made ready by `input()`. */
export interface MutationExample {
  as: string;
  input(): Promise<Input>;
  /** The global ID of the object the event is about, when it is not the one the payload returns. */
  subject?(input: Input): Promise<string>;
}

export interface ExampleTools {
  t: TestApp;
  world: World;
  /** Runs a mutation that must succeed (to make what an example needs) and answers its payload. */
  run(subject: string, mutation: string, input: Input): Promise<Payload>;
}

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;
const eur = (amount: string) => ({ amount, currencyCode: "EUR" });

/** An example input for every mutation, keyed by its name; each makes its own objects, so they run in any order. */
export function mutationExamples({ t, world, run }: ExampleTools): Record<string, MutationExample> {
  const db = t.app.db;
  const gent = {
    agreement: gid("Agreement", world.agreements.gent),
    city: gid("Organisation", world.organisations.gentCity),
    pcsw: gid("Organisation", world.organisations.gentPcsw),
    ngo: gid("Organisation", world.organisations.gentNgo),
  };
  const organisation = () =>
    insertRow(db, "organisation", { kind: "NGO", name: unique("Audit NGO"), enterprise_number: withCheckDigits(String(2000000 + ++serial).padStart(8, "0")), postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
  const agreement = (row: Input) =>
    insertRow(db, "agreement", { consortium_id: world.consortia.gent, reference: unique("RES-AUDIT"), signed_on: "2024-12-01", starts_on: "2025-01-01", ends_on: "2026-06-30", capacity: 10, ...row });
  const household = async () => {
    const key = await insertHousehold(db, world.agreements.gent, unique("HH-AUDIT"), { arrival_route: "DIRECT", expected_arrival_on: "2026-01-31" }, [
      { given_name: "Rania", birth_date: "1984-02-11", relationship: "HEAD" },
      { given_name: "Adam", birth_date: "2014-06-30", relationship: "CHILD" },
    ]);
    return { key, id: gid("Household", key) };
  };
  const person = async (householdKey: string, givenName: string) =>
    gid("Person", (await db.manager.query(`SELECT id FROM person WHERE household_id = $1 AND given_name = $2`, [householdKey, givenName]))[0].id);
  /** A household in accompaniment since 31 January 2026, with its tasks and funding lines. */
  const arrived = async () => {
    const key = await plannedHousehold(db, world.agreements.gent, unique("HH-AUDIT-ARRIVED"));
    const input = { householdId: gid("Household", key), arrivedOn: "2026-01-31", arrivalRoute: "DIRECT", expectedVersion: 1 };
    return { key, household: (await run(USERS.gentCoordinator, "registerArrival", input)).household };
  };
  /** A task of the PCSW's (Gent's staff user works there). */
  const pcswTask = async () => gid("Task", await insertTask(db, { agreement_id: world.agreements.gent, assignee_organisation_id: world.organisations.gentPcsw }));
  /** A hand-over from the PCSW to the NGO, waiting for an answer. */
  const handover = async () => {
    const proposed = await run(USERS.gentStaff, "proposeHandover", { taskId: await pcswTask(), expectedVersion: 1, toOrganisationId: gent.ngo });
    return { handoverId: proposed.handover.id, expectedVersion: proposed.handover.version };
  };
  const proposedRule = async () => {
    const weights = [gent.city, gent.pcsw, gent.ngo].map((organisationId) => ({ organisationId, weight: 1 }));
    const proposed = await run(USERS.gentCoordinator, "proposeSplitRule", { agreementId: gent.agreement, effectiveFrom: "2026-09-01", weights });
    return { splitRuleId: proposed.splitRule.id, expectedVersion: proposed.splitRule.version };
  };
  const savedReport = async () => {
    const saved = await run(USERS.evaluator, "saveReport", { name: unique("Audit report"), definition: { dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"] } });
    return { reportId: saved.savedReport.id, expectedVersion: saved.savedReport.version };
  };

  return {
    createOrganisation: {
      as: USERS.fedasilAdmin,
      input: async () => ({ kind: "NGO", name: unique("Audit organisation"), enterpriseNumber: withCheckDigits(String(3000000 + ++serial).padStart(8, "0")), postalCode: "9000", municipality: "Gent", province: "EAST_FLANDERS" }),
    },
    createConsortium: {
      as: USERS.fedasilAdmin,
      input: async () => ({ name: unique("Audit consortium"), members: [{ organisationId: gid("Organisation", await organisation()), role: "LEAD", joinedOn: "2026-01-01" }] }),
    },
    addConsortiumMember: {
      as: USERS.fedasilAdmin,
      input: async () => {
        const [{ version }] = await db.manager.query(`SELECT version FROM consortium WHERE id = $1`, [world.consortia.liege]);
        return { consortiumId: gid("Consortium", world.consortia.liege), organisationId: gid("Organisation", await organisation()), role: "MEMBER", joinedOn: "2026-01-01", expectedVersion: version };
      },
    },
    endConsortiumMembership: {
      as: USERS.fedasilAdmin,
      input: async () => {
        const consortium = await insertRow(db, "consortium", { name: unique("Audit consortium") });
        await insertRow(db, "consortium_membership", { consortium_id: consortium, organisation_id: await organisation(), role: "LEAD", joined_on: "2025-01-01" });
        const member = await insertRow(db, "consortium_membership", { consortium_id: consortium, organisation_id: await organisation(), role: "MEMBER", joined_on: "2025-01-01" });
        return { membershipId: gid("ConsortiumMembership", member), leftOn: "2026-06-30", expectedVersion: 1 };
      },
    },
    createAgreement: {
      as: USERS.fedasilAdmin,
      input: async () => ({ consortiumId: gid("Consortium", world.consortia.gent), reference: unique("RES-AUDIT-NEW"), startsOn: "2026-02-01", endsOn: "2027-01-31", capacity: 10 }),
    },
    activateAgreement: {
      as: USERS.fedasilAdmin,
      input: async () => ({ agreementId: gid("Agreement", await agreement({ status: "DRAFT", ends_on: "2027-12-31" })), expectedVersion: 1 }),
    },
    endAgreement: {
      as: USERS.fedasilAdmin,
      input: async () => ({ agreementId: gid("Agreement", await agreement({ status: "ACTIVE" })), endedOn: "2026-07-01", expectedVersion: 1 }),
    },
    createHousehold: {
      as: USERS.gentCoordinator,
      input: async () => ({
        agreementId: gent.agreement,
        reference: unique("HH-AUDIT-NEW"),
        arrivalRoute: "VIA_RECEPTION",
        expectedArrivalOn: "2026-12-01",
        head: { givenName: "Samira", familyName: "Audit", birthDate: "1991-05-17", sex: "FEMALE" },
      }),
    },
    updateHousehold: {
      as: USERS.gentCoordinator,
      input: async () => ({ householdId: (await household()).id, expectedVersion: 1, reference: unique("HH-AUDIT-RENAMED") }),
    },
    addPerson: {
      as: USERS.gentCoordinator,
      input: async () => ({ householdId: (await household()).id, givenName: "Yusuf", familyName: "Audit", birthDate: "2019-03-08", sex: "MALE", relationship: "CHILD" }),
    },
    updatePerson: {
      as: USERS.gentCoordinator,
      input: async () => ({ personId: await person((await household()).key, "Adam"), expectedVersion: 1, givenName: "Adem" }),
    },
    removePerson: {
      as: USERS.gentCoordinator,
      input: async () => ({ personId: await person((await household()).key, "Adam"), expectedVersion: 1 }),
    },
    setAccommodation: {
      as: USERS.gentCoordinator,
      input: async () => ({
        householdId: (await household()).id,
        streetAddress: "Auditstraat 1",
        postalCode: "9000",
        municipality: "Gent",
        availableFrom: "2026-02-01",
        availableUntil: "2027-06-30",
        landlordKind: "SOCIAL_HOUSING",
        monthlyRent: eur("540.00"),
      }),
    },
    registerArrival: {
      as: USERS.gentCoordinator,
      input: async () => ({ householdId: gid("Household", await plannedHousehold(db, world.agreements.gent, unique("HH-AUDIT-PLANNED"))), arrivedOn: "2026-01-31", arrivalRoute: "DIRECT", expectedVersion: 1 }),
    },
    extendAccompaniment: {
      as: USERS.gentCoordinator,
      input: async () => {
        const { household: h } = await arrived();
        return { householdId: h.id, expectedVersion: h.version, grantedOn: "2026-11-02" };
      },
    },
    assignTask: {
      as: USERS.gentCoordinator,
      input: async () => ({ taskId: await pcswTask(), organisationId: gent.ngo, expectedVersion: 1 }),
    },
    updateTaskStatus: {
      as: USERS.gentStaff,
      input: async () => ({ taskId: await pcswTask(), status: "IN_PROGRESS", expectedVersion: 1 }),
    },
    commentOnTask: {
      as: USERS.gentStaff,
      input: async () => ({ taskId: await pcswTask(), body: "Appointment made for Tuesday." }),
    },
    proposeHandover: {
      as: USERS.gentStaff,
      input: async () => ({ taskId: await pcswTask(), expectedVersion: 1, toOrganisationId: gent.ngo, message: "You know the family." }),
    },
    acceptHandover: { as: USERS.gentNgoStaff, input: handover },
    declineHandover: { as: USERS.gentNgoStaff, input: async () => ({ ...(await handover()), reason: "No staff free this month." }) },
    withdrawHandover: { as: USERS.gentStaff, input: handover },
    recordCooperationEvent: {
      as: USERS.gentCoordinator,
      input: async () => ({ agreementId: gent.agreement, kind: "MEETING", occurredOn: "2026-10-01", title: "Monthly consortium meeting", participantOrganisationIds: [gent.city, gent.pcsw] }),
    },
    setResponsibility: {
      as: USERS.gentCoordinator,
      input: async () => ({ agreementId: gent.agreement, category: "HEALTH", organisationId: gent.ngo }),
      subject: async () => gid("Responsibility", (await db.manager.query(`SELECT id FROM agreement_responsibility WHERE agreement_id = $1 AND category = 'HEALTH'`, [world.agreements.gent]))[0].id),
    },
    proposeSplitRule: {
      as: USERS.gentCoordinator,
      input: async () => ({ agreementId: gent.agreement, effectiveFrom: "2026-10-01", weights: [gent.city, gent.pcsw, gent.ngo].map((organisationId, i) => ({ organisationId, weight: i + 1 })) }),
    },
    approveSplitRule: { as: COORDINATORS.pcsw, input: proposedRule },
    rejectSplitRule: { as: COORDINATORS.pcsw, input: async () => ({ ...(await proposedRule()), reason: "The NGO does more than a third." }) },
    settleFundingLines: {
      as: USERS.fedasilAdmin,
      input: async () => {
        const { key } = await arrived();
        const lines: Array<{ id: string }> = await db.manager.query(`SELECT id FROM funding_line WHERE household_id = $1 ORDER BY kind`, [key]);
        return { lineIds: lines.map((line) => gid("FundingLine", line.id)), settledOn: todayInBrussels(), settlementReference: unique("PAY-AUDIT") };
      },
    },
    createFundingAdjustment: {
      as: USERS.fedasilAdmin,
      input: async () => ({ agreementId: gent.agreement, amount: eur("-80.00"), dueOn: "2026-10-15", reason: "Interpreter paid by Fedasil directly." }),
    },
    createFundingRateSchedule: {
      as: USERS.fedasilAdmin,
      input: async () => ({
        effectiveFrom: "2030-01-01",
        rates: [
          { kind: "BASE", amount: eur("3300.00") },
          { kind: "EXTENSION", amount: eur("660.00") },
          { kind: "DIRECT_ARRIVAL_HEAD", amount: eur("2200.00") },
          { kind: "DIRECT_ARRIVAL_MEMBER", amount: eur("550.00") },
        ],
      }),
    },
    createTaskTemplate: {
      as: USERS.fedasilAdmin,
      input: async () => ({ code: unique("AUDIT_TEMPLATE").replace("-", "_"), category: "HEALTH", titles: { nl: "Tandarts", fr: "Dentiste", en: "Dentist" }, dueOffsetMonths: 2 }),
    },
    retireTaskTemplate: {
      as: USERS.fedasilAdmin,
      input: async () => ({ templateId: gid("TaskTemplate", await insertTemplate(db, unique("AUDIT_RETIRED").replace("-", "_"), { nl: "Oud", fr: "Ancien", en: "Old" })), expectedVersion: 1 }),
    },
    saveReport: {
      as: USERS.evaluator,
      input: async () => ({ name: unique("Audit report"), definition: { dimensions: ["ARRIVAL_ROUTE"], measures: ["HOUSEHOLDS"] } }),
    },
    shareReport: { as: USERS.evaluator, input: async () => ({ ...(await savedReport()), userIds: [gid("User", world.users.fedasilStaff)] }) },
    deleteReport: { as: USERS.evaluator, input: savedReport },
  };
}
