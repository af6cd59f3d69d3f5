import type { EntityManager } from "typeorm";
import type { ConsortiumScope } from "../../auth/viewer";
import { keyOf } from "../../graphql/global-id";
import { agreementInScope } from "../households/household-scope";
import type { Agreement } from "../agreements/agreement.entity";
import type { HouseholdStanding, ParticipantStanding } from "./cooperation-rules";

/** The keys behind global IDs of one type; null for anything that is not one. */
export const keysOf = (ids: readonly string[], typeName: string): Array<string | null> => ids.map((id) => keyOf(id, typeName));

/** How each named organisation stands to the agreement's consortium on `today`, in the order named. */
export async function participantStandings(manager: EntityManager, agreement: Agreement, keys: ReadonlyArray<string | null>, today: string): Promise<ParticipantStanding[]> {
  const wanted = keys.filter((key): key is string => key !== null);
  const rows: Array<{ id: string; fedasil: boolean; member: boolean }> = wanted.length === 0 ? [] : await manager.query(
    `SELECT organisation.id, organisation.kind = 'FEDASIL' AS fedasil,
            EXISTS (SELECT 1 FROM consortium_membership membership
                     WHERE membership.consortium_id = $2 AND membership.organisation_id = organisation.id
                       AND membership.joined_on <= $3 AND (membership.left_on IS NULL OR membership.left_on > $3)) AS member
       FROM organisation WHERE organisation.id = ANY($1)`,
    [wanted, agreement.consortiumKey, today],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => {
    const row = key ? found.get(key) : undefined;
    if (!row) return "UNKNOWN";
    if (row.fedasil) return "FEDASIL";
    return row.member ? "MEMBER" : "OUTSIDER";
  });
}

/** How each named household stands to the agreement, as far as the caller's scope reaches, in the order named. */
export async function householdStandings(manager: EntityManager, scope: ConsortiumScope, agreement: Agreement, keys: ReadonlyArray<string | null>): Promise<HouseholdStanding[]> {
  const wanted = keys.filter((key): key is string => key !== null);
  const inScope = agreementInScope("household.agreement_id", scope);
  const rows: Array<{ id: string; agreement: string }> = wanted.length === 0 ? [] : await manager
    .createQueryBuilder()
    .select("household.id", "id")
    .addSelect("household.agreement_id", "agreement")
    .from("household", "household")
    .where("household.id IN (:...wanted)", { wanted })
    .andWhere(inScope.sql, inScope.params)
    .getRawMany();
  const found = new Map(rows.map((row) => [row.id, row.agreement]));
  return keys.map((key) => {
    const of = key ? found.get(key) : undefined;
    if (of === undefined) return "UNKNOWN";
    return of === agreement.key ? "OF_AGREEMENT" : "OTHER_AGREEMENT";
  });
}
