import { In, type SelectQueryBuilder } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { Database } from "../../database/database";
import { escapeLike } from "../../database/sql";
import { paginate, type ConnectionPage } from "../../graphql/connection";
import type { PageArgs } from "../../graphql/pagination";
import { UserErrorCode, UserErrors, rejectIf, userError } from "../../graphql/user-error";
import { type MutationOutcome, type MutationRunner, isUniqueViolation } from "../../shared/mutation-runner";
import { normaliseEnterpriseNumber } from "./enterprise-number";
import { Organisation } from "./organisation.entity";
import { type CreateOrganisationInput, type OrganisationFilter, type OrganisationOrder, OrganisationOrderField } from "./organisation.inputs";

const ORDER_COLUMNS: Record<OrganisationOrderField, string> = {
  // lower(): the same order on PGlite (C collation) and PostgreSQL (locale collation).
  [OrganisationOrderField.NAME]: "lower(organisation.name)",
  [OrganisationOrderField.CREATED_AT]: "organisation.created_at",
};

/** Organisations are public programme facts: every signed-in role may read them; Fedasil admins create them. */
export class OrganisationService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  readMany(keys: readonly string[]): Promise<Organisation[]> {
    return this.db.manager.findBy(Organisation, { key: In([...keys]) });
  }

  list(filter: OrganisationFilter | null | undefined, order: OrganisationOrder | null | undefined, page: PageArgs): Promise<ConnectionPage<Organisation>> {
    const query = () => this.filtered(filter ?? {});
    return paginate(page, {
      read: (offset, limit) =>
        query()
          .orderBy(ORDER_COLUMNS[order?.field ?? OrganisationOrderField.NAME], order?.direction ?? "ASC")
          .addOrderBy("organisation.id", "ASC")
          .offset(offset)
          .limit(limit)
          .getMany(),
      count: () => query().getCount(),
    });
  }

  private filtered(filter: OrganisationFilter): SelectQueryBuilder<Organisation> {
    const query = this.db.manager.createQueryBuilder(Organisation, "organisation");
    if (filter.kinds?.length) query.andWhere("organisation.kind IN (:...kinds)", { kinds: filter.kinds });
    if (filter.provinces?.length) query.andWhere("organisation.province IN (:...provinces)", { provinces: filter.provinces });
    if (filter.nameContains) {
      query.andWhere("organisation.name ILIKE :name", { name: `%${escapeLike(filter.nameContains)}%` });
    }
    return query;
  }

  create(caller: Caller, input: CreateOrganisationInput): Promise<MutationOutcome<Organisation>> {
    requirePermission(caller, Permission.MANAGE_ORGANISATIONS);
    return this.mutations.run(
      {
        operation: "createOrganisation",
        actor: auditActor(caller),
        idempotencyKey: input.idempotencyKey,
        input,
        reload: (key) => this.db.manager.findOneBy(Organisation, { key }),
      },
      async ({ manager, audit }) => {
        const digits = normaliseEnterpriseNumber(input.enterpriseNumber);
        rejectIf([
          digits ? null : userError(["input", "enterpriseNumber"], UserErrorCode.INVALID_ENTERPRISE_NUMBER, "Not a valid Belgian enterprise number (10 digits with mod-97 check digits)."),
        ]);
        const organisation = manager.create(Organisation, {
          kind: input.kind,
          name: input.name.trim(),
          enterpriseNumberDigits: digits!,
          postalCode: input.postalCode,
          municipality: input.municipality.trim(),
          province: input.province,
        });
        await insertOrReject(() => manager.save(organisation));
        await audit({ subjectType: "Organisation", subjectKey: organisation.key, consortiumKey: null, before: null, after: organisation });
        return organisation;
      },
    );
  }
}

/** A second organisation with the same enterprise number is a user error, not a fault. */
async function insertOrReject(save: () => Promise<unknown>): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (isUniqueViolation(error, "organisation_enterprise_number_key")) {
      throw new UserErrors([userError(["input", "enterpriseNumber"], UserErrorCode.TAKEN, "An organisation with this enterprise number already exists.")]);
    }
    throw error;
  }
}
