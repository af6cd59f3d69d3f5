import { type EntityManager, In } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../../auth/caller";
import { Permission } from "../../../auth/permissions";
import { type ConsortiumScope, agreementScope, householdScope, inScope } from "../../../auth/viewer";
import type { Database } from "../../../database/database";
import { updateVersioned } from "../../../database/versioned-update";
import { notFound } from "../../../graphql/errors";
import { keyOf } from "../../../graphql/global-id";
import { UserErrorCode, asUserErrors, rejectIf, userError } from "../../../graphql/user-error";
import { todayInBrussels } from "../../../shared/calendar";
import type { MutationOutcome, MutationRunner, MutationScope } from "../../../shared/mutation-runner";
import { Agreement } from "../../agreements/agreement.entity";
import { isMemberOn } from "../../consortia/membership-rules";
import { agreementInScope } from "../../households/household-scope";
import { consortiumMembers } from "../funding-line-writes";
import { householdOf } from "../funding-line.service";
import { SplitRule, SplitRuleApproval, SplitRuleWeight } from "./split-rule.entity";
import type { ApproveSplitRuleInput, ProposeSplitRuleInput, RejectSplitRuleInput } from "./split-rule.inputs";
import { reallocateCoveredLines } from "./split-rule-reallocation";
import { SplitRuleStatus, approvedByAll, proposalProblems } from "./split-rule-rules";

/**
 * Split rules, seen like the agreement's money (the consortium's partners and Fedasil, never
 * evaluators), decided by the coordinators of the consortium's current members together.
 */
export class SplitRuleService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<SplitRule[]> {
    return this.visible(scope).andWhere("rule.id IN (:...keys)", { keys: [...keys] }).getMany();
  }

  /** Newest first: by effective date, then by when proposed. */
  ofAgreements(scope: ConsortiumScope, agreementKeys: readonly string[]): Promise<SplitRule[]> {
    return this.visible(scope)
      .andWhere("rule.agreement_id IN (:...agreementKeys)", { agreementKeys: [...agreementKeys] })
      .orderBy("rule.effective_from", "DESC")
      .addOrderBy("rule.created_at", "DESC")
      .addOrderBy("rule.id", "ASC")
      .getMany();
  }

  /** Callers pass keys of rules they could load, so these need no scope of their own. */
  weightsOf(ruleKeys: readonly string[]): Promise<SplitRuleWeight[]> {
    return this.db.manager.find(SplitRuleWeight, { where: { ruleKey: In([...ruleKeys]) }, order: { position: "ASC" } });
  }

  approvalsOf(ruleKeys: readonly string[]): Promise<SplitRuleApproval[]> {
    return this.db.manager.find(SplitRuleApproval, { where: { ruleKey: In([...ruleKeys]) }, order: { approvedAt: "ASC", key: "ASC" } });
  }

  async propose(caller: Caller, input: ProposeSplitRuleInput): Promise<MutationOutcome<SplitRule>> {
    const agreementKey = keyOf(input.agreementId, "Agreement");
    const agreement = agreementKey ? await this.db.manager.findOneBy(Agreement, { key: agreementKey }) : null;
    if (!agreement || !inScope(agreementScope(caller.viewer), agreement.consortiumKey)) throw notFound();
    requirePermission(caller, Permission.DECIDE_SPLIT_RULES);
    const reload = (key: string) => this.db.manager.findOneBy(SplitRule, { key });
    const spec = { operation: "proposeSplitRule", actor: auditActor(caller), idempotencyKey: input.idempotencyKey, input, reload };
    return this.mutations.run(spec, async (scope) => {
      const { manager, audit } = scope;
      const householdKey = await householdOf(manager, agreement, input.householdId);
      const members = await currentMemberKeys(manager, agreement.consortiumKey);
      const weights = input.weights.map((w) => ({ organisationKey: keyOf(w.organisationId, "Organisation"), kind: w.kind ?? null, weight: w.weight }));
      rejectIf(asUserErrors(proposalProblems(weights, members)));
      const rule = await manager.save(manager.create(SplitRule, {
        agreementKey: agreement.key, householdKey, effectiveFrom: input.effectiveFrom, status: SplitRuleStatus.PROPOSED, proposedByUserKey: caller.viewer.userId,
      }));
      const order = [...new Set(weights.map((w) => w.organisationKey!))];
      await manager.insert(SplitRuleWeight, weights.map((w) => ({ ruleKey: rule.key, organisationKey: w.organisationKey!, kind: w.kind, weight: w.weight, position: order.indexOf(w.organisationKey!) })));
      // The proposer's organisation approves implicitly.
      await manager.insert(SplitRuleApproval, { ruleKey: rule.key, organisationKey: caller.viewer.organisationId, approvedByUserKey: caller.viewer.userId, approvedAt: new Date() });
      audit({ subjectType: "SplitRule", subjectKey: rule.key, consortiumKey: agreement.consortiumKey, before: null, after: { ...rule, weights } });
      return takeEffectIfAgreed(scope, rule, agreement.consortiumKey);
    });
  }

  /** One approval per member organisation; the last one needed makes the rule take effect. */
  async approve(caller: Caller, input: ApproveSplitRuleInput): Promise<MutationOutcome<SplitRule>> {
    const { rule, consortiumKey } = await this.findVisible(caller, input.splitRuleId);
    return this.mutations.run({ operation: "approveSplitRule", actor: auditActor(caller), input }, async (scope) => {
      rejectIf([stillProposed(rule)]);
      const approved = await scope.manager.existsBy(SplitRuleApproval, { ruleKey: rule.key, organisationKey: caller.viewer.organisationId });
      rejectIf([approved ? userError(["input", "splitRuleId"], UserErrorCode.INVALID_STATE, "Your organisation has approved this rule already.") : null]);
      // The version bump queues concurrent approvals: the later one answers CONFLICT and sees the other's.
      const after = await updateVersioned(scope.manager, SplitRule, rule.key, input.expectedVersion);
      await scope.manager.insert(SplitRuleApproval, { ruleKey: rule.key, organisationKey: caller.viewer.organisationId, approvedByUserKey: caller.viewer.userId, approvedAt: new Date() });
      scope.audit({ subjectType: "SplitRule", subjectKey: rule.key, consortiumKey, before: rule, after: { ...after, approvedBy: caller.viewer.organisationId } });
      return takeEffectIfAgreed(scope, after, consortiumKey);
    });
  }

  /** Any member's coordinator may reject a proposed rule; that is final. */
  async reject(caller: Caller, input: RejectSplitRuleInput): Promise<MutationOutcome<SplitRule>> {
    const { rule, consortiumKey } = await this.findVisible(caller, input.splitRuleId);
    return this.mutations.run({ operation: "rejectSplitRule", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      const reason = input.reason.trim();
      rejectIf([stillProposed(rule), reason ? null : userError(["input", "reason"], UserErrorCode.REQUIRED, "Say why the rule is rejected.")]);
      const changes = { status: SplitRuleStatus.REJECTED, rejectionReason: reason, rejectedByUserKey: caller.viewer.userId };
      const after = await updateVersioned(manager, SplitRule, rule.key, input.expectedVersion, changes);
      audit({ subjectType: "SplitRule", subjectKey: rule.key, consortiumKey, before: rule, after });
      return after;
    });
  }

  private visible(scope: ConsortiumScope) {
    const visible = agreementInScope("rule.agreement_id", scope);
    return this.db.manager.createQueryBuilder(SplitRule, "rule").where(visible.sql, visible.params);
  }

  /** The rule through the viewer's money scope (invisible: NOT_FOUND), then the permission (FORBIDDEN). */
  private async findVisible(caller: Caller, id: string): Promise<{ rule: SplitRule; consortiumKey: string }> {
    const key = keyOf(id, "SplitRule");
    const [rule] = key ? await this.readMany(householdScope(caller.viewer), [key]) : [];
    if (!rule) throw notFound();
    requirePermission(caller, Permission.DECIDE_SPLIT_RULES);
    const agreement = await this.db.manager.findOneByOrFail(Agreement, { key: rule.agreementKey });
    return { rule, consortiumKey: agreement.consortiumKey };
  }
}

const stillProposed = (rule: SplitRule) =>
  rule.status === SplitRuleStatus.PROPOSED ? null : userError(["input", "splitRuleId"], UserErrorCode.INVALID_STATE, `The rule is ${rule.status.toLowerCase()}, no longer proposed.`);

/**
 * Once every current member has approved: the rule takes effect, supersedes the approved rules of
 * its scope dated on or after its own, and the unsettled lines it covers are divided anew.
 */
async function takeEffectIfAgreed(scope: MutationScope, rule: SplitRule, consortiumKey: string): Promise<SplitRule> {
  const approvals = await scope.manager.findBy(SplitRuleApproval, { ruleKey: rule.key });
  if (!approvedByAll(approvals.map((a) => a.organisationKey), await currentMemberKeys(scope.manager, consortiumKey))) return rule;
  // Rules of one agreement take effect one at a time: two at once would each miss the other and both
  // stay in force. NO KEY UPDATE on the agreement's row leaves inserts that refer to it free to go on.
  await scope.manager.createQueryBuilder(Agreement, "agreement").setLock("for_no_key_update").where("agreement.id = :key", { key: rule.agreementKey }).getOneOrFail();
  const replaced = await scope.manager
    .createQueryBuilder(SplitRule, "rule")
    .where("rule.agreement_id = :agreementKey AND rule.status = :approved AND rule.effective_from >= :from", { agreementKey: rule.agreementKey, approved: SplitRuleStatus.APPROVED, from: rule.effectiveFrom })
    .andWhere(rule.householdKey ? "rule.household_id = :householdKey" : "rule.household_id IS NULL", { householdKey: rule.householdKey })
    .getMany();
  for (const before of replaced) {
    const after = await updateVersioned(scope.manager, SplitRule, before.key, before.version, { status: SplitRuleStatus.SUPERSEDED });
    scope.audit({ subjectType: "SplitRule", subjectKey: before.key, consortiumKey, before, after });
  }
  const after = await updateVersioned(scope.manager, SplitRule, rule.key, rule.version, { status: SplitRuleStatus.APPROVED, tookEffectAt: new Date() });
  scope.audit({ subjectType: "SplitRule", subjectKey: rule.key, consortiumKey, before: rule, after });
  await reallocateCoveredLines(scope, after, consortiumKey);
  return after;
}

async function currentMemberKeys(manager: EntityManager, consortiumKey: string): Promise<string[]> {
  const today = todayInBrussels();
  return (await consortiumMembers(manager, consortiumKey)).filter((m) => isMemberOn(m, today)).map((m) => m.organisationKey);
}
