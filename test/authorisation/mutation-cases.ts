import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { addMonths } from "../../src/shared/calendar";
import { type CaseContext, daysAgo, gid, nextNumber, today, unique } from "./matrix-fixtures";
import type { Attempt } from "./matrix-runner";

/**
 * How the matrix attempts each root mutation: an input that succeeds when the role is allowed,
 * on fresh objects of the case's own (each mutation case has its own household, task, rule…).
 */
export const MUTATION_CASES: Record<string, (c: CaseContext) => Promise<Attempt>> = {
  createOrganisation: async () => input({
    name: unique("Matrix organisation"),
    kind: "NGO",
    enterpriseNumber: withCheckDigits(String(4000000 + nextNumber()).padStart(8, "0")),
    postalCode: "9000",
    municipality: "Gent",
    province: "EAST_FLANDERS",
  }),
  createConsortium: async ({ fixtures }) =>
    input({ name: unique("Matrix consortium"), members: [{ organisationId: gid("Organisation", await fixtures.organisation()), role: "LEAD", joinedOn: today() }] }),
  addConsortiumMember: async ({ fixtures, place }) => {
    const [organisationId, expectedVersion] = [gid("Organisation", await fixtures.organisation()), await fixtures.version("consortium", place.consortium)];
    return on("Consortium", place.consortium, (consortiumId) => ({ consortiumId, expectedVersion, organisationId, joinedOn: today(), role: "MEMBER" }));
  },
  endConsortiumMembership: async ({ fixtures, place }) => {
    const membership = await fixtures.membership(place);
    const expectedVersion = await fixtures.version("consortium", place.consortium);
    return on("ConsortiumMembership", membership, (membershipId) => ({ membershipId, expectedVersion, leftOn: today() }));
  },
  createAgreement: async ({ place }) =>
    on("Consortium", place.consortium, (consortiumId) => ({ consortiumId, reference: unique("RES-MATRIX-NEW"), startsOn: today(), endsOn: addMonths(today(), 24), capacity: 10 })),
  activateAgreement: async ({ fixtures, place }) => on("Agreement", await fixtures.agreement(place, "DRAFT"), (agreementId) => ({ agreementId, expectedVersion: 1 })),
  endAgreement: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({ agreementId, expectedVersion: 1, endedOn: today(), terminated: true, reason: "The partners stop." })),
  setResponsibility: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({ agreementId, category: "HOUSING", organisationId: gid("Organisation", place.peer) })),
  createHousehold: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({
      agreementId,
      reference: unique("HH-MATRIX-NEW"),
      arrivalRoute: "DIRECT",
      expectedArrivalOn: today(),
      head: { givenName: "Hala", familyName: "Matrix", birthDate: "1985-03-04", sex: "FEMALE" },
    })),
  updateHousehold: async ({ fixtures, place }) =>
    on("Household", await fixtures.household(place), (householdId) => ({ householdId, expectedVersion: 1, status: "EXITED", exitedOn: today(), exitReason: "Moved abroad." })),
  addPerson: async ({ fixtures, place }) =>
    on("Household", await fixtures.household(place), (householdId) => ({ householdId, givenName: "Sami", familyName: "Matrix", birthDate: "2014-05-06", sex: "MALE", relationship: "CHILD" })),
  updatePerson: async ({ fixtures, place }) =>
    on("Person", await fixtures.person(await fixtures.household(place), "CHILD"), (personId) => ({ personId, expectedVersion: 1, givenName: "Renamed" })),
  removePerson: async ({ fixtures, place }) => on("Person", await fixtures.person(await fixtures.household(place), "CHILD"), (personId) => ({ personId, expectedVersion: 1 })),
  setAccommodation: async ({ fixtures, place }) =>
    on("Household", await fixtures.household(place), (householdId) => ({
      householdId,
      streetAddress: "Matrixstraat 1",
      postalCode: "9000",
      municipality: "Gent",
      availableFrom: today(),
      landlordKind: "SOCIAL_HOUSING",
    })),
  registerArrival: async ({ fixtures, place }) =>
    on("Household", await fixtures.household(place), (householdId) => ({ householdId, expectedVersion: 1, arrivedOn: daysAgo(10), arrivalRoute: "DIRECT" })),
  extendAccompaniment: async ({ fixtures, place }) => on("Household", await fixtures.household(place, "IN_ACCOMPANIMENT"), (householdId) => ({ householdId, expectedVersion: 1 })),
  assignTask: async ({ fixtures, place }) => on("Task", await fixtures.task(place), (taskId) => ({ taskId, expectedVersion: 1, organisationId: gid("Organisation", place.peer) })),
  updateTaskStatus: async ({ fixtures, place }) => on("Task", await fixtures.task(place), (taskId) => ({ taskId, expectedVersion: 1, status: "IN_PROGRESS" })),
  commentOnTask: async ({ fixtures, place }) => on("Task", await fixtures.task(place), (taskId) => ({ taskId, body: "Called the school." })),
  proposeHandover: async ({ fixtures, place }) =>
    on("Task", await fixtures.task(place), (taskId) => ({ taskId, expectedVersion: 1, toOrganisationId: gid("Organisation", place.peer) })),
  acceptHandover: async ({ fixtures, place }) =>
    on("Handover", await fixtures.handover(place, place.peer, place.actor, place.peerUser), (handoverId) => ({ handoverId, expectedVersion: 1 })),
  declineHandover: async ({ fixtures, place }) =>
    on("Handover", await fixtures.handover(place, place.peer, place.actor, place.peerUser), (handoverId) => ({ handoverId, expectedVersion: 1, reason: "No room." })),
  withdrawHandover: async ({ fixtures, place }) =>
    on("Handover", await fixtures.handover(place, place.actor, place.peer, place.actorUser), (handoverId) => ({ handoverId, expectedVersion: 1 })),
  recordCooperationEvent: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({ agreementId, kind: "FEEDBACK", occurredOn: today(), title: "How the first weeks went" })),
  proposeSplitRule: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({
      agreementId,
      effectiveFrom: today(),
      weights: place.members.map((member) => ({ organisationId: gid("Organisation", member), weight: 1 })),
    })),
  approveSplitRule: async ({ fixtures, place }) => on("SplitRule", await fixtures.splitRule(place), (splitRuleId) => ({ splitRuleId, expectedVersion: 1 })),
  rejectSplitRule: async ({ fixtures, place }) => on("SplitRule", await fixtures.splitRule(place), (splitRuleId) => ({ splitRuleId, expectedVersion: 1, reason: "Not what we agreed." })),
  settleFundingLines: async ({ fixtures, place }) => on("FundingLine", await fixtures.fundingLine(place), (id) => ({ lineIds: [id], settledOn: today() })),
  createFundingAdjustment: async ({ fixtures, place }) =>
    on("Agreement", await fixtures.agreement(place), (agreementId) => ({ agreementId, amount: { amount: "125.00", currencyCode: "EUR" }, dueOn: today(), reason: "Interpreter costs." })),
  createFundingRateSchedule: async () =>
    input({
      effectiveFrom: addMonths(today(), 60 + nextNumber()),
      rates: ["BASE", "EXTENSION", "DIRECT_ARRIVAL_HEAD", "DIRECT_ARRIVAL_MEMBER"].map((kind) => ({ kind, amount: { amount: "3100.00", currencyCode: "EUR" } })),
    }),
  createTaskTemplate: async () =>
    input({ code: `MATRIX_NEW_${nextNumber()}`, category: "HEALTH", titles: { nl: "Huisarts kiezen", fr: "Choisir un médecin", en: "Choose a GP" } }),
  retireTaskTemplate: async ({ fixtures }) => input({ templateId: gid("TaskTemplate", await fixtures.template()), expectedVersion: 1 }),
  saveReport: async () => input({ name: unique("Matrix report"), definition: { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS"] } }),
  shareReport: async (c) => on("SavedReport", await report(c), (reportId) => ({ reportId, expectedVersion: 1, userIds: [gid("User", shareWith(c))] })),
  deleteReport: async (c) => on("SavedReport", await report(c), (reportId) => ({ reportId, expectedVersion: 1 })),
};

const input = (fields: Record<string, unknown>): Attempt => ({ args: { input: fields } });

/** An input naming the object, the row `key` of `typeName`. */
function on(typeName: string, key: string, fields: (id: string) => Record<string, unknown>): Attempt {
  const object = gid(typeName, key);
  return { object, args: { input: fields(object) } };
}

/** Reports belong to users, not consortia: the viewer's own (the evaluator's when anonymous), or one of another user not shared with it. */
function report({ fixtures, world, side, viewerUser }: CaseContext): Promise<string> {
  const someoneElse = viewerUser === world.users.evaluator ? world.users.fedasilStaff : world.users.evaluator;
  return fixtures.savedReport(side === "own" ? (viewerUser ?? world.users.evaluator) : someoneElse);
}

/** A user reports may be shared with (evaluators and Fedasil), other than the viewer. */
const shareWith = ({ world, viewerUser }: CaseContext): string => (viewerUser === world.users.fedasilAdmin ? world.users.evaluator : world.users.fedasilAdmin);
