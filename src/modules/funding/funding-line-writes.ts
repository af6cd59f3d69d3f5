/**
 * Writing funding lines with their allocations and audit events, in the caller's transaction: one
 * statement per table whatever the number of lines (a changed line is still updated on its own).
 */
import { type EntityManager, In } from "typeorm";
import { updateVersioned } from "../../database/versioned-update";
import { insertRows, queryNamed } from "../../database/sql";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { type MutationScope, conflict } from "../../shared/mutation-runner";
import { MembershipRole } from "../consortia/consortium-membership.entity";
import { allocate } from "./allocation";
import { FundingAllocation } from "./funding-allocation.entity";
import { FundingLine } from "./funding-line.entity";
import { type ConsortiumMember, sharesForLine } from "./line-shares";
import { APPROVED_RULES_SQL, type ApprovedSplitRule, weighingForLine } from "./split-rules/split-rule-lines";

/** Where a line belongs: its agreement, the agreement's consortium (for the audit) and its household, if any. */
export interface LineOwner {
  agreementKey: string;
  consortiumKey: string;
  householdKey: string | null;
}

/** What a line's own columns say; allocations follow from its amount and due date. */
export type LineValues = Pick<FundingLine, "kind" | "quantity" | "rateCents" | "rateScheduleKey" | "amountCents" | "dueOn" | "explanation">
  & Partial<Pick<FundingLine, "correctsKind" | "correctsLineKey" | "reason" | "createdByUserKey">>;

/** Who divides an agreement's lines: its consortium's memberships and the split rules approved for it. */
export interface LineSharing {
  members: readonly ConsortiumMember[];
  rules: readonly ApprovedSplitRule[];
}

/** What to write for a household's (or an agreement's) lines in one go. */
export interface LineChanges {
  inserts?: readonly LineValues[];
  /** Unsettled lines as the caller read them, with their new values. */
  updates?: ReadonlyArray<{ before: FundingLine; values: LineValues }>;
  /** Unsettled lines as the caller read them. */
  deletes?: readonly FundingLine[];
}

/** SQL: every membership `:consortiumKey` ever had, as a ConsortiumMember row. */
const MEMBERS_SQL = `
  SELECT membership.organisation_id AS "organisationKey", organisation.name AS "organisationName", membership.role = '${MembershipRole.LEAD}' AS lead,
         to_char(membership.joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(membership.left_on, 'YYYY-MM-DD') AS "leftOn"
    FROM consortium_membership membership
    JOIN organisation ON organisation.id = membership.organisation_id
   WHERE membership.consortium_id = :consortiumKey`;

/** The consortium's memberships and the agreement's approved split rules, in one statement. */
export async function lineSharing(manager: EntityManager, owner: Pick<LineOwner, "agreementKey" | "consortiumKey">): Promise<LineSharing> {
  const [sharing] = await queryNamed<LineSharing>(
    manager,
    `SELECT (SELECT COALESCE(json_agg(member), '[]') FROM (${MEMBERS_SQL}) member) AS members,
            (SELECT COALESCE(json_agg(rule), '[]') FROM (${APPROVED_RULES_SQL}) rule) AS rules`,
    { agreementKey: owner.agreementKey, consortiumKey: owner.consortiumKey },
  );
  return sharing;
}

/** Every membership the consortium ever had, with its organisation's name: what sharesForLine needs. */
export function consortiumMembers(manager: EntityManager, consortiumKey: string): Promise<ConsortiumMember[]> {
  return queryNamed<ConsortiumMember>(manager, MEMBERS_SQL, { consortiumKey });
}

/**
 * Deletes, updates and inserts lines, divides the new and changed ones among the members on their
 * due dates and audits each line with its split before and after. Returns the inserted lines.
 */
export async function writeLines(scope: MutationScope, owner: LineOwner, sharing: LineSharing, changes: LineChanges): Promise<FundingLine[]> {
  const { manager } = scope;
  const { inserts = [], updates = [], deletes = [] } = changes;
  const earlier = await allocationsOf(manager, [...updates.map((u) => u.before), ...deletes]);
  await deleteUnsettled(manager, deletes);
  const updated: FundingLine[] = [];
  for (const { before, values } of updates) updated.push(await updateVersioned(manager, FundingLine, before.key, before.version, values));
  const inserted = inserts.map((values) => manager.create(FundingLine, { ...values, agreementKey: owner.agreementKey, householdKey: owner.householdKey }));
  await insertRows(manager, FundingLine, inserted);
  if (updated.length > 0) await manager.delete(FundingAllocation, { lineKey: In(updated.map((line) => line.key)) });
  const allocations = await divide(manager, [...updated, ...inserted], sharing);
  const audit = (before: object | null, after: object | null, key: string) => scope.audit({ subjectType: "FundingLine", subjectKey: key, consortiumKey: owner.consortiumKey, before, after });
  for (const line of deletes) audit(withAllocations(line, earlier), null, line.key);
  updates.forEach(({ before }, i) => audit(withAllocations(before, earlier), withAllocations(updated[i], allocations), before.key));
  for (const line of inserted) audit(null, withAllocations(line, allocations), line.key);
  return inserted;
}

/** Divides unsettled lines anew (a split rule took effect); the lines themselves stay as they are. */
export async function reallocateLines(scope: MutationScope, consortiumKey: string, sharing: LineSharing, lines: readonly FundingLine[]): Promise<void> {
  const { manager } = scope;
  const earlier = await allocationsOf(manager, lines);
  await manager.delete(FundingAllocation, { lineKey: In(lines.map((line) => line.key)) });
  const allocations = await divide(manager, lines, sharing);
  for (const line of lines) {
    scope.audit({ subjectType: "FundingLine", subjectKey: line.key, consortiumKey, before: withAllocations(line, earlier), after: withAllocations(line, allocations) });
  }
}

/** Deletes unsettled lines, each only while it still has the version the caller read. */
async function deleteUnsettled(manager: EntityManager, lines: readonly FundingLine[]): Promise<void> {
  if (lines.length === 0) return;
  const deleted = await manager
    .createQueryBuilder()
    .delete()
    .from(FundingLine)
    .where("settled_on IS NULL AND (id, version) IN (SELECT * FROM unnest(CAST(:keys AS uuid[]), CAST(:versions AS integer[])))", {
      keys: lines.map((line) => line.key),
      versions: lines.map((line) => line.version),
    })
    .execute();
  if (deleted.affected !== lines.length) throw conflict(["input"]);
}

/**
 * Each line divided among the members on its due date by the split rule in force, written in one
 * insert; no member that day is something to fix first.
 */
async function divide(manager: EntityManager, lines: readonly FundingLine[], sharing: LineSharing): Promise<Map<string, FundingAllocation[]>> {
  const byLine = new Map(lines.map((line) => [line.key, allocationsFor(manager, line, sharing)]));
  const rows = [...byLine.values()].flat();
  await insertRows(manager, FundingAllocation, rows);
  return byLine;
}

function allocationsFor(manager: EntityManager, line: FundingLine, sharing: LineSharing): FundingAllocation[] {
  const shares = sharesForLine(sharing.members, line.dueOn, weighingForLine(sharing.rules, line));
  const outcome = allocate(line.amountCents, shares);
  if (!outcome.ok) {
    const message = `The consortium has no member on ${line.dueOn} to receive the ${line.kind} line of ${line.amount.amount}.`;
    throw new UserErrors([userError(["input"], UserErrorCode.INVALID_STATE, message)]);
  }
  return outcome.allocations.map((allocation, position) =>
    manager.create(FundingAllocation, { lineKey: line.key, organisationKey: allocation.memberKey, position, weight: shares[position].weight, amountCents: allocation.amountCents }),
  );
}

/** The lines' current allocations, in one statement. */
async function allocationsOf(manager: EntityManager, lines: readonly FundingLine[]): Promise<Map<string, FundingAllocation[]>> {
  if (lines.length === 0) return new Map();
  const rows = await manager.find(FundingAllocation, { where: { lineKey: In(lines.map((line) => line.key)) }, order: { position: "ASC" } });
  return new Map(lines.map((line) => [line.key, rows.filter((row) => row.lineKey === line.key)]));
}

/** The audit's picture of a line: its columns and its split, member by member. */
function withAllocations(line: FundingLine, allocations: ReadonlyMap<string, readonly FundingAllocation[]>): object {
  const own = allocations.get(line.key) ?? [];
  return { ...line, allocatedTo: own.map((a) => a.organisationKey), allocatedCents: own.map((a) => a.amountCents) };
}
