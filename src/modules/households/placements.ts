import type { EntityManager } from "typeorm";
import type { ConsortiumScope } from "../../auth/viewer";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { Agreement } from "../agreements/agreement.entity";
import { Household, HouseholdStatus } from "./household.entity";
import { exceedsCapacity } from "./household-rules";
import { agreementInScope } from "./household-scope";
import { Person } from "./person.entity";

/**
 * Resettled persons placed under each agreement: those of its households that have not EXITED.
 * Agreements outside the scope are left out, so a caller cannot count what it may not see.
 */
export async function placedPersons(manager: EntityManager, scope: ConsortiumScope, agreementKeys: readonly string[]): Promise<Map<string, number>> {
  const inScope = agreementInScope("agreement.id", scope);
  const rows: Array<{ agreement: string; placed: number }> = await manager
    .createQueryBuilder()
    .select("agreement.id", "agreement")
    .addSelect("count(person.id)::int", "placed")
    .from(Agreement, "agreement")
    .leftJoin(Household, "household", "household.agreement_id = agreement.id AND household.status <> :exited", { exited: HouseholdStatus.EXITED })
    .leftJoin(Person, "person", "person.household_id = household.id AND person.resettled")
    .where("agreement.id IN (:...agreementKeys)", { agreementKeys: [...agreementKeys] })
    .andWhere(inScope.sql, inScope.params)
    .groupBy("agreement.id")
    .getRawMany();
  return new Map(rows.map((row) => [row.agreement, Number(row.placed)]));
}

/** Reads the agreement and locks it until commit, so concurrent placements under it queue up. */
export function lockAgreement(manager: EntityManager, agreementKey: string): Promise<Agreement> {
  return manager
    .createQueryBuilder(Agreement, "agreement")
    .setLock("pessimistic_write")
    .where("agreement.id = :agreementKey", { agreementKey })
    .getOneOrFail();
}

/** Refuses placing `adding` more resettled persons than the (locked) agreement has room for. */
export async function checkCapacity(manager: EntityManager, agreement: Agreement, adding: number, field: string[]): Promise<void> {
  if (adding <= 0) return;
  const placed = (await placedPersons(manager, { all: true }, [agreement.key])).get(agreement.key) ?? 0;
  if (exceedsCapacity(agreement.capacity, placed, adding)) {
    throw new UserErrors([
      userError(field, UserErrorCode.CAPACITY_EXCEEDED, `The agreement has room for ${agreement.capacity} resettled persons; ${placed} are placed and this would add ${adding}.`),
    ]);
  }
}
