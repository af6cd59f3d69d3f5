import type { ConsortiumScope } from "../../auth/viewer";

/** A WHERE condition and the parameters it names. */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Rows whose agreement (the uuid in `agreementColumn`) belongs to a consortium the scope covers. */
export function agreementInScope(agreementColumn: string, scope: ConsortiumScope): ScopeCondition {
  if (scope.all) return { sql: "TRUE", params: {} };
  return {
    sql: `${agreementColumn} IN (SELECT scope_agreement.id FROM agreement scope_agreement WHERE scope_agreement.consortium_id = ANY(:scopeConsortia))`,
    params: { scopeConsortia: [...scope.consortiumIds] },
  };
}

/** Rows whose household (the uuid in `householdColumn`) the scope covers. */
export function householdInScope(householdColumn: string, scope: ConsortiumScope): ScopeCondition {
  if (scope.all) return { sql: "TRUE", params: {} };
  const agreement = agreementInScope("scope_household.agreement_id", scope);
  return {
    sql: `${householdColumn} IN (SELECT scope_household.id FROM household scope_household WHERE ${agreement.sql})`,
    params: agreement.params,
  };
}
