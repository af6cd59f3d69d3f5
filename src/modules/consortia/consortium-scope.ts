import type { SelectQueryBuilder } from "typeorm";
import type { ConsortiumScope } from "../../auth/viewer";

/** Narrows a query to the consortia the scope covers; an empty scope matches nothing. */
export function withinScope<T extends object>(query: SelectQueryBuilder<T>, scope: ConsortiumScope, consortiumColumn: string): SelectQueryBuilder<T> {
  return scope.all ? query : query.andWhere(`${consortiumColumn} = ANY(:scopeConsortia)`, { scopeConsortia: [...scope.consortiumIds] });
}

/** SQL: the consortium in `consortiumColumn` counts `:memberOrganisation` among its members on `:memberOn`. */
export const hasMemberOn = (consortiumColumn: string): string =>
  `EXISTS (SELECT 1 FROM consortium_membership member_on
            WHERE member_on.consortium_id = ${consortiumColumn} AND member_on.organisation_id = :memberOrganisation
              AND member_on.joined_on <= :memberOn AND (member_on.left_on IS NULL OR member_on.left_on > :memberOn))`;
