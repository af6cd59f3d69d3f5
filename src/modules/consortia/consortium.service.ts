import type { SelectQueryBuilder } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { ConsortiumScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { escapeLike } from "../../database/sql";
import { paginate, type ConnectionPage } from "../../graphql/connection";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import type { PageArgs } from "../../graphql/pagination";
import { asUserErrors, rejectIf } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import type { MutationOutcome, MutationRunner } from "../../shared/mutation-runner";
import { partnerKeys } from "./consortium-checks";
import { type ConsortiumFilter, type ConsortiumOrder, ConsortiumOrderField, type CreateConsortiumInput } from "./consortium.inputs";
import { ConsortiumMembership } from "./consortium-membership.entity";
import { hasMemberOn, withinScope } from "./consortium-scope";
import { Consortium } from "./consortium.entity";
import { foundingProblems } from "./membership-rules";

const ORDER_COLUMNS: Record<ConsortiumOrderField, string> = {
  // lower(): the same order on PGlite (C collation) and PostgreSQL (locale collation).
  [ConsortiumOrderField.NAME]: "lower(consortium.name)",
  [ConsortiumOrderField.CREATED_AT]: "consortium.created_at",
};

/** Consortia and their memberships, as far as the caller's scope reaches; Fedasil admins found them. */
export class ConsortiumService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Consortium[]> {
    const query = this.db.manager.createQueryBuilder(Consortium, "consortium").where("consortium.id IN (:...keys)", { keys: [...keys] });
    return withinScope(query, scope, "consortium.id").getMany();
  }

  /** The consortium behind a global ID if the scope covers it; NOT_FOUND otherwise, as if it did not exist. */
  async findVisible(scope: ConsortiumScope, id: string): Promise<Consortium> {
    const key = keyOf(id, "Consortium");
    const [consortium] = key ? await this.readMany(scope, [key]) : [];
    return consortium ?? Promise.reject(notFound());
  }

  readMemberships(scope: ConsortiumScope, keys: readonly string[]): Promise<ConsortiumMembership[]> {
    const query = this.db.manager.createQueryBuilder(ConsortiumMembership, "membership").where("membership.id IN (:...keys)", { keys: [...keys] });
    return withinScope(query, scope, "membership.consortium_id").getMany();
  }

  /** Every membership of these consortia, ended ones included, oldest first and the lead first among equals. */
  membershipsOf(scope: ConsortiumScope, consortiumKeys: readonly string[]): Promise<ConsortiumMembership[]> {
    const query = this.db.manager
      .createQueryBuilder(ConsortiumMembership, "membership")
      .where("membership.consortium_id IN (:...consortiumKeys)", { consortiumKeys: [...consortiumKeys] })
      .orderBy("membership.joined_on", "ASC")
      .addOrderBy("membership.role", "ASC") // LEAD before MEMBER among those who joined the same day
      .addOrderBy("membership.created_at", "ASC")
      .addOrderBy("membership.id", "ASC");
    return withinScope(query, scope, "membership.consortium_id").getMany();
  }

  list(scope: ConsortiumScope, filter: ConsortiumFilter | null | undefined, order: ConsortiumOrder | null | undefined, page: PageArgs): Promise<ConnectionPage<Consortium>> {
    const query = () => this.filtered(scope, filter ?? {});
    return paginate(page, {
      read: (offset, limit) =>
        query()
          .orderBy(ORDER_COLUMNS[order?.field ?? ConsortiumOrderField.NAME], order?.direction ?? "ASC")
          .addOrderBy("consortium.id", "ASC")
          .offset(offset)
          .limit(limit)
          .getMany(),
      count: () => query().getCount(),
    });
  }

  private filtered(scope: ConsortiumScope, filter: ConsortiumFilter): SelectQueryBuilder<Consortium> {
    const query = withinScope(this.db.manager.createQueryBuilder(Consortium, "consortium"), scope, "consortium.id");
    if (filter.nameContains) query.andWhere("consortium.name ILIKE :name", { name: `%${escapeLike(filter.nameContains)}%` });
    if (filter.organisationId != null) {
      // An id that names no organisation matches nothing, like an organisation without consortia.
      const organisation = keyOf(filter.organisationId, "Organisation");
      query.andWhere(organisation ? hasMemberOn("consortium.id") : "false", { memberOrganisation: organisation, memberOn: todayInBrussels() });
    }
    return query;
  }

  create(caller: Caller, input: CreateConsortiumInput): Promise<MutationOutcome<Consortium>> {
    requirePermission(caller, Permission.MANAGE_CONSORTIA);
    return this.mutations.run(
      {
        operation: "createConsortium",
        actor: auditActor(caller),
        idempotencyKey: input.idempotencyKey,
        input,
        reload: (key) => this.db.manager.findOneBy(Consortium, { key }),
      },
      async ({ manager, audit }) => {
        const refs = input.members.map((m, i) => ({ id: m.organisationId, field: ["input", "members", String(i), "organisationId"] }));
        const { keys, errors } = await partnerKeys(manager, refs);
        const members = input.members.map((m, i) => ({ organisationKey: keys[i] ?? m.organisationId, role: m.role, joinedOn: m.joinedOn }));
        rejectIf([...errors, ...asUserErrors(foundingProblems(members))]);
        const consortium = await manager.save(manager.create(Consortium, { name: input.name.trim() }));
        await audit({ subjectType: "Consortium", subjectKey: consortium.key, consortiumKey: consortium.key, before: null, after: consortium });
        for (const member of members) {
          const membership = await manager.save(manager.create(ConsortiumMembership, { ...member, consortiumKey: consortium.key }));
          await audit({ subjectType: "ConsortiumMembership", subjectKey: membership.key, consortiumKey: consortium.key, before: null, after: membership });
        }
        return consortium;
      },
    );
  }
}
