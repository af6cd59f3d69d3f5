import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { agreementScope } from "../../auth/viewer";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { asUserErrors, UserErrors, rejectIf } from "../../graphql/user-error";
import type { MutationOutcome, MutationRunner, MutationScope } from "../../shared/mutation-runner";
import { partnerKeys } from "./consortium-checks";
import type { AddConsortiumMemberInput, EndConsortiumMembershipInput } from "./consortium.inputs";
import { ConsortiumMembership } from "./consortium-membership.entity";
import { Consortium } from "./consortium.entity";
import type { ConsortiumService } from "./consortium.service";
import { MembershipRole, planJoin, planLeave } from "./membership-rules";
import { updateVersioned } from "../../database/versioned-update";

/**
 * Joining and leaving a consortium. Every change bumps the consortium's version first: that both
 * checks the caller's expectedVersion and, on PostgreSQL, locks the consortium, so concurrent
 * changes of its membership queue up and the rule of one lead holds.
 */
export class MembershipService {
  constructor(private readonly consortia: ConsortiumService, private readonly mutations: MutationRunner) {}

  async add(caller: Caller, input: AddConsortiumMemberInput): Promise<MutationOutcome<ConsortiumMembership>> {
    const consortium = await this.consortia.findVisible(agreementScope(caller.viewer), input.consortiumId);
    requirePermission(caller, Permission.MANAGE_CONSORTIA);
    return this.mutations.run({ operation: "addConsortiumMember", actor: auditActor(caller), input }, async (scope) => {
      const { manager, audit } = scope;
      await updateVersioned(manager, Consortium, consortium.key, input.expectedVersion);
      const { keys, errors } = await partnerKeys(manager, [{ id: input.organisationId, field: ["input", "organisationId"] }]);
      rejectIf(errors);
      const joining = { organisationKey: keys[0]!, role: input.role, joinedOn: input.joinedOn };
      const plan = planJoin(await manager.findBy(ConsortiumMembership, { consortiumKey: consortium.key }), joining);
      if (!plan.ok) throw new UserErrors(asUserErrors(plan.problems));
      // The old lead steps down before the new one joins: there is never a moment with two.
      if (plan.demote) await changeRole(scope, plan.demote, MembershipRole.MEMBER);
      const membership = await manager.save(manager.create(ConsortiumMembership, { ...joining, consortiumKey: consortium.key }));
      await audit({ subjectType: "ConsortiumMembership", subjectKey: membership.key, consortiumKey: consortium.key, before: null, after: membership });
      return membership;
    });
  }

  async end(caller: Caller, input: EndConsortiumMembershipInput): Promise<MutationOutcome<ConsortiumMembership>> {
    const key = keyOf(input.membershipId, "ConsortiumMembership");
    const [target] = key ? await this.consortia.readMemberships(agreementScope(caller.viewer), [key]) : [];
    if (!target) throw notFound();
    requirePermission(caller, Permission.MANAGE_CONSORTIA);
    return this.mutations.run({ operation: "endConsortiumMembership", actor: auditActor(caller), input }, async (scope) => {
      const { manager, audit } = scope;
      await updateVersioned(manager, Consortium, target.consortiumKey, input.expectedVersion);
      const newLead = input.newLeadOrganisationId;
      const plan = planLeave(await manager.findBy(ConsortiumMembership, { consortiumKey: target.consortiumKey }), {
        membershipKey: target.key,
        leftOn: input.leftOn,
        // An id that is no organisation's matches no member: NOT_A_MEMBER.
        newLeadOrganisationKey: newLead == null ? null : keyOf(newLead, "Organisation") ?? newLead,
      });
      if (!plan.ok) throw new UserErrors(asUserErrors(plan.problems));
      // The lead's membership is closed before its successor is promoted: never two open leads.
      const ended = await updateVersioned(manager, ConsortiumMembership, target.key, plan.leaving.version, { leftOn: input.leftOn });
      await audit({ subjectType: "ConsortiumMembership", subjectKey: ended.key, consortiumKey: ended.consortiumKey, before: plan.leaving, after: ended });
      if (plan.promote) await changeRole(scope, plan.promote, MembershipRole.LEAD);
      return ended;
    });
  }
}

async function changeRole({ manager, audit }: MutationScope, membership: ConsortiumMembership, role: MembershipRole): Promise<void> {
  const after = await updateVersioned(manager, ConsortiumMembership, membership.key, membership.version, { role });
  await audit({ subjectType: "ConsortiumMembership", subjectKey: membership.key, consortiumKey: membership.consortiumKey, before: membership, after });
}
