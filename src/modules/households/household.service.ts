import type { SelectQueryBuilder } from "typeorm";
import { type Caller, auditActor } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { ConsortiumScope } from "../../auth/viewer";
import { type ChildWindow, childPageKeys } from "../../database/child-pages";
import type { Database } from "../../database/database";
import { readEntities } from "../../database/entity-rows";
import { escapeLike } from "../../database/sql";
import { paginate, type ConnectionPage } from "../../graphql/connection";
import { keyOf } from "../../graphql/global-id";
import type { PageArgs } from "../../graphql/pagination";
import { asUserErrors, rejectIf } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict } from "../../shared/mutation-runner";
import { updateVersioned } from "../../database/versioned-update";
import { householdChanges, newHousehold, uniqueReference } from "./household-changes";
import { syncHouseholdFunding } from "../funding/household-funding";
import type { HouseholdAccess } from "./household-access";
import { type HouseholdReads, alongColumns, keepAlong } from "./household-rows";
import { agreementInScope } from "./household-scope";
import { Household } from "./household.entity";
import { type CreateHouseholdInput, type HouseholdFilter, type HouseholdOrder, HouseholdOrderField, type UpdateHouseholdInput } from "./household.inputs";
import { Person } from "./person.entity";
import { checkCapacity, lockAgreement, placedPersons } from "./placements";

const ORDER_COLUMNS: Record<HouseholdOrderField, string> = {
  // lower(): the same order on PGlite (C collation) and PostgreSQL (locale collation).
  [HouseholdOrderField.REFERENCE]: "lower(household.reference)",
  [HouseholdOrderField.EXPECTED_ARRIVAL_ON]: "household.expected_arrival_on",
  [HouseholdOrderField.CREATED_AT]: "household.created_at",
};
/** Households of the same day come by reference. */
const TIEBREAK = "lower(household.reference)";

/** Households as far as the caller's scope reaches; coordinators of the consortium register and update them. */
export class HouseholdService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner, private readonly access: HouseholdAccess) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Household[]> {
    const inScope = agreementInScope("household.agreement_id", scope);
    const query = this.db.manager
      .createQueryBuilder(Household, "household")
      .where("household.id IN (:...keys)", { keys: [...keys] })
      .andWhere(inScope.sql, inScope.params);
    return readEntities(this.db, query);
  }

  /** A page of the households the scope reaches that pass the filter, with the relations `reads` asks for read along. */
  list(
    scope: ConsortiumScope,
    filter: HouseholdFilter | null | undefined,
    order: HouseholdOrder | null | undefined,
    page: PageArgs,
    reads: HouseholdReads = {},
  ): Promise<ConnectionPage<Household>> {
    const query = () => this.filtered(scope, filter ?? {});
    return paginate(page, {
      read: (offset, limit) => {
        const households = query()
          .orderBy(ORDER_COLUMNS[order?.field ?? HouseholdOrderField.REFERENCE], order?.direction ?? "ASC")
          .addOrderBy(TIEBREAK, "ASC")
          .addOrderBy("household.id", "ASC");
        for (const [sql, alias] of alongColumns(this.db, reads)) households.addSelect(sql, alias);
        return readEntities(this.db, households, (household, row) => keepAlong(this.db, reads, household, row), { offset, limit });
      },
      count: () => query().getCount(),
    });
  }

  private filtered(scope: ConsortiumScope, filter: HouseholdFilter): SelectQueryBuilder<Household> {
    const inScope = agreementInScope("household.agreement_id", scope);
    const query = this.db.manager.createQueryBuilder(Household, "household").where(inScope.sql, inScope.params);
    if (filter.agreementId != null) {
      // An id that names no agreement matches nothing, like an agreement without households.
      const agreement = keyOf(filter.agreementId, "Agreement");
      query.andWhere(agreement ? "household.agreement_id = :agreement" : "false", { agreement });
    }
    if (filter.statuses?.length) query.andWhere("household.status IN (:...statuses)", { statuses: filter.statuses });
    if (filter.arrivalRoute) query.andWhere("household.arrival_route = :route", { route: filter.arrivalRoute });
    if (filter.referenceContains) {
      query.andWhere("household.reference ILIKE :reference", { reference: `%${escapeLike(filter.referenceContains)}%` });
    }
    if (filter.expectedArrivalFrom) query.andWhere("household.expected_arrival_on >= :from", { from: filter.expectedArrivalFrom });
    if (filter.expectedArrivalTo) query.andWhere("household.expected_arrival_on <= :to", { to: filter.expectedArrivalTo });
    return query;
  }

  /** The keys of one page per agreement window, in list order, all read in one statement. */
  pageKeysOfAgreements(scope: ConsortiumScope, order: HouseholdOrder | null | undefined, windows: readonly ChildWindow[]): Promise<string[][]> {
    const inScope = agreementInScope("household.agreement_id", scope);
    return childPageKeys(this.db, {
      id: "household.id",
      parent: "household.agreement_id",
      from: "household",
      where: `household.agreement_id = ANY(:agreements) AND ${inScope.sql}`,
      orderBy: `${ORDER_COLUMNS[order?.field ?? HouseholdOrderField.REFERENCE]} ${order?.direction ?? "ASC"}, ${TIEBREAK}, household.id`,
      params: { ...inScope.params, agreements: windows.map((w) => w.parentKey) },
    }, windows);
  }

  /** How many households each agreement has, as far as the scope reaches. */
  async countsOfAgreements(scope: ConsortiumScope, agreementKeys: readonly string[]): Promise<Map<string, number>> {
    const inScope = agreementInScope("household.agreement_id", scope);
    const rows: Array<{ agreement: string; count: number }> = await this.db.manager
      .createQueryBuilder(Household, "household")
      .select("household.agreement_id", "agreement")
      .addSelect("count(*)::int", "count")
      .where("household.agreement_id IN (:...agreementKeys)", { agreementKeys: [...agreementKeys] })
      .andWhere(inScope.sql, inScope.params)
      .groupBy("household.agreement_id")
      .getRawMany();
    return new Map(rows.map((row) => [row.agreement, Number(row.count)]));
  }

  /** Resettled persons placed under each agreement whose households the scope reaches; others are left out. */
  placedPersonsOfAgreements(scope: ConsortiumScope, agreementKeys: readonly string[]): Promise<Map<string, number>> {
    return placedPersons(this.db.manager, scope, agreementKeys);
  }

  async create(caller: Caller, input: CreateHouseholdInput): Promise<MutationOutcome<Household>> {
    const agreement = await this.access.agreement(caller, input.agreementId, [Permission.MANAGE_HOUSEHOLDS]);
    return this.mutations.run(
      {
        operation: "createHousehold",
        actor: auditActor(caller),
        idempotencyKey: input.idempotencyKey,
        input,
        reload: (key) => this.db.manager.findOneBy(Household, { key }),
      },
      async ({ manager, audit }) => {
        const locked = await lockAgreement(manager, agreement.key);
        const { household, persons, problems } = newHousehold(input, locked, todayInBrussels());
        rejectIf(asUserErrors(problems));
        await checkCapacity(manager, locked, persons.filter((p) => p.resettled).length, ["input", "agreementId"]);
        const saved = await uniqueReference(() => manager.save(manager.create(Household, household)));
        await audit({ subjectType: "Household", subjectKey: saved.key, consortiumKey: locked.consortiumKey, before: null, after: saved });
        // The head first: the one-head index then holds after every row.
        for (const values of persons) {
          const person = await manager.save(manager.create(Person, { ...values, householdKey: saved.key }));
          await audit({ subjectType: "Person", subjectKey: person.key, consortiumKey: locked.consortiumKey, before: null, after: person });
        }
        return saved;
      },
    );
  }

  async update(caller: Caller, input: UpdateHouseholdInput): Promise<MutationOutcome<Household>> {
    const factsChange = input.reference !== undefined || input.arrivalRoute !== undefined || input.expectedArrivalOn !== undefined;
    // Every household change needs at least the right to change its status; its facts need more.
    const permissions = [Permission.CHANGE_HOUSEHOLD_STATUS, ...(factsChange ? [Permission.MANAGE_HOUSEHOLDS] : [])];
    const { household, agreement } = await this.access.household(caller, input.householdId, permissions);
    return this.mutations.run({ operation: "updateHousehold", actor: auditActor(caller), input }, async (scope) => {
      const { manager, audit } = scope;
      const before = await manager.findOneByOrFail(Household, { key: household.key });
      if (before.version !== input.expectedVersion) throw conflict();
      const { changes, problems } = await householdChanges(manager, before, input, todayInBrussels());
      rejectIf(asUserErrors(problems));
      const after = await uniqueReference(() => updateVersioned(manager, Household, before.key, input.expectedVersion, changes));
      await audit({ subjectType: "Household", subjectKey: after.key, consortiumKey: agreement.consortiumKey, before, after });
      if (changes.arrivalRoute !== undefined) await syncHouseholdFunding(scope, after.key, "the arrival route was corrected");
      return after;
    });
  }
}
