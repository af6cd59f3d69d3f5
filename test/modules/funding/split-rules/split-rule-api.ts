/** GraphQL operations and fixtures for the split-rule tests. */
import type { TestApp } from "../../../support/test-app";
import { USERS, type World } from "../../../support/world";
import { count, gid, insertRow } from "../../households/fixtures";

export const RULE = `id status effectiveFrom version tookEffectAt rejectionReason household { id } proposedBy { displayName } rejectedBy { displayName }
  weights { organisation { name } kind weight } approvals { organisation { name } approvedBy { displayName } approvedAt }`;
const PROPOSE = `mutation($input: ProposeSplitRuleInput!) { proposeSplitRule(input: $input) { splitRule { ${RULE} } userErrors { field code message } } }`;
const APPROVE = `mutation($input: ApproveSplitRuleInput!) { approveSplitRule(input: $input) { splitRule { ${RULE} } userErrors { field code message } } }`;
const REJECT = `mutation($input: RejectSplitRuleInput!) { rejectSplitRule(input: $input) { splitRule { ${RULE} } userErrors { field code message } } }`;
export const AGREEMENT_RULES = `query($id: ID!) { node(id: $id) { ... on Agreement { splitRules { ${RULE} } } } }`;

/** The other two Gent members' coordinators, next to the city's from the test world. */
export const COORDINATORS = { pcsw: "gent-pcsw-coordinator", ngo: "gent-ngo-coordinator" } as const;

export async function seedCoordinators(t: TestApp, world: World): Promise<void> {
  await insertRow(t.app.db, "app_user", { subject: COORDINATORS.pcsw, display_name: COORDINATORS.pcsw, role: "PARTNER_COORDINATOR", organisation_id: world.organisations.gentPcsw });
  await insertRow(t.app.db, "app_user", { subject: COORDINATORS.ngo, display_name: COORDINATORS.ngo, role: "PARTNER_COORDINATOR", organisation_id: world.organisations.gentNgo });
}

export interface Rule {
  id: string;
  status: string;
  version: number;
  approvals: Array<{ organisation: { name: string }; approvedBy: { displayName: string } | null }>;
  [field: string]: unknown;
}

export const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
export const errorCodes = (payload: { userErrors: Array<{ code: string; field: string[] }> }): string[] => payload.userErrors.map((e) => `${e.field.join(".")} ${e.code}`);

export function splitRuleApi(t: TestApp, world: World) {
  const weights = (city: number, pcsw: number, ngo: number) => [
    { organisationId: gid("Organisation", world.organisations.gentCity), weight: city },
    { organisationId: gid("Organisation", world.organisations.gentPcsw), weight: pcsw },
    { organisationId: gid("Organisation", world.organisations.gentNgo), weight: ngo },
  ];
  return {
    weights,
    propose: (input: Record<string, unknown>, subject: string = USERS.gentCoordinator) =>
      t.gql(PROPOSE, { input: { agreementId: gid("Agreement", world.agreements.gent), ...input } }, subject),
    approve: (rule: { id: string; version: number }, subject: string) => t.gql(APPROVE, { input: { splitRuleId: rule.id, expectedVersion: rule.version } }, subject),
    reject: (rule: { id: string; version: number }, reason: string, subject: string) => t.gql(REJECT, { input: { splitRuleId: rule.id, reason, expectedVersion: rule.version } }, subject),
    async rules(subject: string = USERS.gentStaff): Promise<Rule[] | null> {
      const res = await t.gql(AGREEMENT_RULES, { id: gid("Agreement", world.agreements.gent) }, subject);
      expect(res.errors).toBeUndefined();
      return res.data.node?.splitRules ?? null;
    },
  };
}

/** Row counts of everything a split-rule mutation may write: a refused one leaves them as they were. */
export async function splitRuleFootprint(t: TestApp): Promise<Record<string, number>> {
  const tables = ["split_rule", "split_rule_weight", "split_rule_approval", "funding_allocation", "audit_event", "idempotency_record"];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(t.app.db, table)])));
  const [{ versions, allocated }] = await t.app.db.manager.query(
    `SELECT (SELECT coalesce(sum(version), 0)::int FROM split_rule) AS versions, (SELECT coalesce(sum(abs(amount_cents) * (position + 1)), 0)::int FROM funding_allocation) AS allocated`,
  );
  return { ...counts, versions, allocated };
}
