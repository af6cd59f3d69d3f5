/** Writing funding lines with their allocations and audit events, in the caller's transaction. */
import { type EntityManager, In } from "typeorm";
import { updateVersioned } from "../../database/versioned-update";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { type MutationScope, conflict } from "../../shared/mutation-runner";
import { ConsortiumMembership, MembershipRole } from "../consortia/consortium-membership.entity";
import { Organisation } from "../organisations/organisation.entity";
import { allocate } from "./allocation";
import { FundingAllocation } from "./funding-allocation.entity";
import { FundingLine } from "./funding-line.entity";
import { type ConsortiumMember, sharesForLine } from "./line-shares";
import { weighingForLine } from "./split-rules/split-rule-lines";

/** Where a line belongs: its agreement, the agreement's consortium (for the audit) and its household, if any. */
export interface LineOwner {
  agreementKey: string;
  consortiumKey: string;
  householdKey: string | null;
}

/** What a line's own columns say; allocations follow from its amount and due date. */
export type LineValues = Pick<FundingLine, "kind" | "quantity" | "rateCents" | "rateScheduleKey" | "amountCents" | "dueOn" | "explanation">
  & Partial<Pick<FundingLine, "correctsKind" | "correctsLineKey" | "reason" | "createdByUserKey">>;

/** Every membership the consortium ever had, with its organisation's name: what sharesForLine needs. */
export async function consortiumMembers(manager: EntityManager, consortiumKey: string): Promise<ConsortiumMember[]> {
  const memberships = await manager.findBy(ConsortiumMembership, { consortiumKey });
  const organisations = await manager.findBy(Organisation, { key: In(memberships.map((m) => m.organisationKey)) });
  const names = new Map(organisations.map((o) => [o.key, o.name]));
  return memberships.map((m) => ({
    organisationKey: m.organisationKey,
    organisationName: names.get(m.organisationKey) ?? "",
    lead: m.role === MembershipRole.LEAD,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
  }));
}

export async function insertLine(scope: MutationScope, owner: LineOwner, members: readonly ConsortiumMember[], values: LineValues): Promise<FundingLine> {
  const line = await scope.manager.save(scope.manager.create(FundingLine, { ...values, agreementKey: owner.agreementKey, householdKey: owner.householdKey }));
  const allocations = await writeAllocations(scope.manager, line, members);
  await scope.audit({ subjectType: "FundingLine", subjectKey: line.key, consortiumKey: owner.consortiumKey, before: null, after: withAllocations(line, allocations) });
  return line;
}

/** Changes an unsettled line (the caller's version of it) and divides it anew. */
export async function updateLine(scope: MutationScope, owner: LineOwner, members: readonly ConsortiumMember[], before: FundingLine, values: LineValues): Promise<FundingLine> {
  const earlier = await allocationsOf(scope.manager, before.key);
  const after = await updateVersioned(scope.manager, FundingLine, before.key, before.version, values);
  await scope.manager.delete(FundingAllocation, { lineKey: after.key });
  const allocations = await writeAllocations(scope.manager, after, members);
  await scope.audit({ subjectType: "FundingLine", subjectKey: after.key, consortiumKey: owner.consortiumKey, before: withAllocations(before, earlier), after: withAllocations(after, allocations) });
  return after;
}

/** Divides an unsettled line anew (a split rule took effect); the line itself stays as it is. */
export async function reallocateLine(scope: MutationScope, consortiumKey: string, members: readonly ConsortiumMember[], line: FundingLine): Promise<void> {
  const earlier = await allocationsOf(scope.manager, line.key);
  await scope.manager.delete(FundingAllocation, { lineKey: line.key });
  const allocations = await writeAllocations(scope.manager, line, members);
  await scope.audit({ subjectType: "FundingLine", subjectKey: line.key, consortiumKey, before: withAllocations(line, earlier), after: withAllocations(line, allocations) });
}

/** Deletes an unsettled line (the caller's version of it) with its allocations. */
export async function deleteLine(scope: MutationScope, owner: LineOwner, before: FundingLine): Promise<void> {
  const earlier = await allocationsOf(scope.manager, before.key);
  const deleted = await scope.manager
    .createQueryBuilder()
    .delete()
    .from(FundingLine)
    .where("id = :key AND version = :version AND settled_on IS NULL", { key: before.key, version: before.version })
    .execute();
  if (!deleted.affected) throw conflict(["input"]);
  await scope.audit({ subjectType: "FundingLine", subjectKey: before.key, consortiumKey: owner.consortiumKey, before: withAllocations(before, earlier), after: null });
}

/** The line divided among the members on its due date by the split rule in force; none that day is something to fix first. */
async function writeAllocations(manager: EntityManager, line: FundingLine, members: readonly ConsortiumMember[]): Promise<FundingAllocation[]> {
  const shares = sharesForLine(members, line.dueOn, await weighingForLine(manager, line));
  const outcome = allocate(line.amountCents, shares);
  if (!outcome.ok) {
    const message = `The consortium has no member on ${line.dueOn} to receive the ${line.kind} line of ${line.amount.amount}.`;
    throw new UserErrors([userError(["input"], UserErrorCode.INVALID_STATE, message)]);
  }
  const rows = outcome.allocations.map((allocation, position) =>
    manager.create(FundingAllocation, { lineKey: line.key, organisationKey: allocation.memberKey, position, weight: shares[position].weight, amountCents: allocation.amountCents }),
  );
  await manager.insert(FundingAllocation, rows);
  return rows;
}

const allocationsOf = (manager: EntityManager, lineKey: string): Promise<FundingAllocation[]> =>
  manager.find(FundingAllocation, { where: { lineKey }, order: { position: "ASC" } });

/** The audit's picture of a line: its columns and its split, member by member. */
const withAllocations = (line: FundingLine, allocations: readonly FundingAllocation[]): object => ({
  ...line,
  allocatedTo: allocations.map((a) => a.organisationKey),
  allocatedCents: allocations.map((a) => a.amountCents),
});
