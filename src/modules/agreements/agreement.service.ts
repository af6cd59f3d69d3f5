import type { SelectQueryBuilder } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { type ConsortiumScope, agreementScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { paginate, type ConnectionPage } from "../../graphql/connection";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import type { PageArgs } from "../../graphql/pagination";
import { asUserErrors, UserErrorCode, UserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, type MutationScope, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import { hasMemberOn, withinScope } from "../consortia/consortium-scope";
import type { ConsortiumService } from "../consortia/consortium.service";
import { updateVersioned } from "../../database/versioned-update";
import { fedasilContactKey } from "./agreement-checks";
import { type Ruling, activation, ending, termsProblems } from "./agreement-rules";
import { AgreementStatus } from "./agreement-status";
import { Agreement } from "./agreement.entity";
import {
  type ActivateAgreementInput,
  type AgreementFilter,
  type AgreementOrder,
  AgreementOrderField,
  type CreateAgreementInput,
  type EndAgreementInput,
} from "./agreement.inputs";

const ORDER_COLUMNS: Record<AgreementOrderField, string> = {
  // lower(): the same order on PGlite (C collation) and PostgreSQL (locale collation).
  [AgreementOrderField.REFERENCE]: "lower(agreement.reference)",
  [AgreementOrderField.STARTS_ON]: "agreement.starts_on",
  [AgreementOrderField.CREATED_AT]: "agreement.created_at",
};

/** Agreements as far as the caller's scope reaches; Fedasil admins create, activate and end them. */
export class AgreementService {
  constructor(private readonly db: Database, private readonly consortia: ConsortiumService, private readonly mutations: MutationRunner) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Agreement[]> {
    const query = this.db.manager.createQueryBuilder(Agreement, "agreement").where("agreement.id IN (:...keys)", { keys: [...keys] });
    return withinScope(query, scope, "agreement.consortium_id").getMany();
  }

  /** The agreements of these consortia, by start date. */
  ofConsortia(scope: ConsortiumScope, consortiumKeys: readonly string[]): Promise<Agreement[]> {
    const query = this.db.manager
      .createQueryBuilder(Agreement, "agreement")
      .where("agreement.consortium_id IN (:...consortiumKeys)", { consortiumKeys: [...consortiumKeys] })
      .orderBy("agreement.starts_on", "ASC")
      .addOrderBy("agreement.id", "ASC");
    return withinScope(query, scope, "agreement.consortium_id").getMany();
  }

  list(scope: ConsortiumScope, filter: AgreementFilter | null | undefined, order: AgreementOrder | null | undefined, page: PageArgs): Promise<ConnectionPage<Agreement>> {
    const query = () => this.filtered(scope, filter ?? {});
    return paginate(page, {
      read: (offset, limit) =>
        query()
          .orderBy(ORDER_COLUMNS[order?.field ?? AgreementOrderField.REFERENCE], order?.direction ?? "ASC")
          .addOrderBy("agreement.id", "ASC")
          .offset(offset)
          .limit(limit)
          .getMany(),
      count: () => query().getCount(),
    });
  }

  private filtered(scope: ConsortiumScope, filter: AgreementFilter): SelectQueryBuilder<Agreement> {
    const query = withinScope(this.db.manager.createQueryBuilder(Agreement, "agreement"), scope, "agreement.consortium_id");
    if (filter.statuses?.length) query.andWhere("agreement.status IN (:...statuses)", { statuses: filter.statuses });
    // Ids that name nothing of the right type match nothing, like a consortium without agreements.
    if (filter.consortiumId != null) {
      const consortium = keyOf(filter.consortiumId, "Consortium");
      query.andWhere(consortium ? "agreement.consortium_id = :consortium" : "false", { consortium });
    }
    if (filter.organisationId != null) {
      const organisation = keyOf(filter.organisationId, "Organisation");
      query.andWhere(organisation ? hasMemberOn("agreement.consortium_id") : "false", { memberOrganisation: organisation, memberOn: todayInBrussels() });
    }
    if (filter.activeOn) query.andWhere("agreement.starts_on <= :activeOn AND agreement.ends_on >= :activeOn", { activeOn: filter.activeOn });
    return query;
  }

  private async findVisible(caller: Caller, id: string): Promise<Agreement> {
    const key = keyOf(id, "Agreement");
    const [agreement] = key ? await this.readMany(agreementScope(caller.viewer), [key]) : [];
    return agreement ?? Promise.reject(notFound());
  }

  async create(caller: Caller, input: CreateAgreementInput): Promise<MutationOutcome<Agreement>> {
    const consortium = await this.consortia.findVisible(agreementScope(caller.viewer), input.consortiumId);
    requirePermission(caller, Permission.MANAGE_AGREEMENTS);
    const spec = {
      operation: "createAgreement",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(Agreement, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit }) => {
      const contact = await fedasilContactKey(manager, input.fedasilContactId);
      rejectIf([...contact.errors, ...asUserErrors(termsProblems(input, todayInBrussels()))]);
      const agreement = manager.create(Agreement, {
        consortiumKey: consortium.key,
        reference: input.reference.trim(),
        status: AgreementStatus.DRAFT,
        signedOn: input.signedOn ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        capacity: input.capacity,
        fedasilContactKey: contact.key,
      });
      await insertOrReject(() => manager.save(agreement));
      await audit({ subjectType: "Agreement", subjectKey: agreement.key, consortiumKey: consortium.key, before: null, after: agreement });
      return agreement;
    });
  }

  async activate(caller: Caller, input: ActivateAgreementInput): Promise<MutationOutcome<Agreement>> {
    const target = await this.findVisible(caller, input.agreementId);
    requirePermission(caller, Permission.MANAGE_AGREEMENTS);
    return this.mutations.run({ operation: "activateAgreement", actor: auditActor(caller), input }, (scope) =>
      change(scope, target.key, input.expectedVersion, (agreement) => activation(agreement, input.signedOn, todayInBrussels())),
    );
  }

  async end(caller: Caller, input: EndAgreementInput): Promise<MutationOutcome<Agreement>> {
    const target = await this.findVisible(caller, input.agreementId);
    requirePermission(caller, Permission.MANAGE_AGREEMENTS);
    const end = { endedOn: input.endedOn, terminated: input.terminated, reason: input.reason };
    return this.mutations.run({ operation: "endAgreement", actor: auditActor(caller), input }, (scope) =>
      change(scope, target.key, input.expectedVersion, (agreement) => ending(agreement, end, todayInBrussels())),
    );
  }
}

/** Re-reads the agreement in the transaction, lets the rules decide, and applies their changes with the version check. */
async function change({ manager, audit }: MutationScope, key: string, expectedVersion: number, decide: (agreement: Agreement) => Ruling): Promise<Agreement> {
  const before = await manager.findOneByOrFail(Agreement, { key });
  // A stale version first: the rules would judge a state the caller has not seen.
  if (before.version !== expectedVersion) throw conflict();
  const ruling = decide(before);
  if (!ruling.ok) throw new UserErrors(asUserErrors(ruling.problems));
  const after = await updateVersioned(manager, Agreement, key, expectedVersion, ruling.changes);
  await audit({ subjectType: "Agreement", subjectKey: key, consortiumKey: after.consortiumKey, before, after });
  return after;
}

/** A second agreement with the same reference is a user error, not a fault. */
async function insertOrReject(save: () => Promise<unknown>): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (isUniqueViolation(error, "agreement_reference_key")) {
      throw new UserErrors([userError(["input", "reference"], UserErrorCode.TAKEN, "An agreement with this reference already exists.")]);
    }
    throw error;
  }
}
