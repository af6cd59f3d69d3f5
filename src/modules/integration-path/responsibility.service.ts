import type { EntityManager } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { type ConsortiumScope, agreementScope, inScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import { Agreement, AgreementStatus } from "../agreements/agreement.entity";
import { withinScope } from "../consortia/consortium-scope";
import type { ResponsibleByCategory } from "./integration-path-plan";
import { ResponsibilityAssignment } from "./responsibility-assignment";
import { type CurrentMember, type ResponsibilityChoice, responsibilityMatrix } from "./responsibility-matrix";
import { Responsibility } from "./responsibility.entity";
import type { SetResponsibilityInput } from "./responsibility.inputs";

const OPEN_FOR_CHANGES: readonly AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.ACTIVE];

/** The responsibility matrices of agreements: visible with the agreement; coordinators of its consortium change them. */
export class ResponsibilityService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  /** The matrix of each agreement the scope covers, in one statement for the whole batch. */
  ofAgreements(scope: ConsortiumScope, agreementKeys: readonly string[]): Promise<Map<string, ResponsibilityAssignment[]>> {
    return readMatrices(this.db.manager, scope, agreementKeys, todayInBrussels());
  }

  /** Who does each category under the agreement today, inside a mutation; null when its consortium has no current member. */
  async responsibleIn(manager: EntityManager, agreementKey: string): Promise<ResponsibleByCategory | null> {
    const matrix = (await readMatrices(manager, { all: true }, [agreementKey], todayInBrussels())).get(agreementKey) ?? [];
    if (matrix.length === 0) return null;
    return Object.fromEntries(matrix.map((a) => [a.category, a.organisationKey])) as ResponsibleByCategory;
  }

  async set(caller: Caller, input: SetResponsibilityInput): Promise<MutationOutcome<Agreement>> {
    const key = keyOf(input.agreementId, "Agreement");
    const agreement = key ? await this.db.manager.findOneBy(Agreement, { key }) : null;
    if (!agreement || !inScope(agreementScope(caller.viewer), agreement.consortiumKey)) throw notFound();
    requirePermission(caller, Permission.MANAGE_RESPONSIBILITIES);
    return this.mutations.run({ operation: "setResponsibility", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      const current = await manager.findOneByOrFail(Agreement, { key: agreement.key });
      if (!OPEN_FOR_CHANGES.includes(current.status)) {
        throw rejection("agreementId", UserErrorCode.INVALID_STATE, `The agreement is ${current.status}: its matrix no longer changes.`);
      }
      const organisationKey = keyOf(input.organisationId, "Organisation");
      const [basis] = await readBases(manager, { all: true }, [current.key], todayInBrussels());
      const members = basis?.members ?? [];
      if (!members.some((m) => m.organisationKey === organisationKey)) {
        throw rejection("organisationId", UserErrorCode.NOT_A_MEMBER, "The organisation is not a current member of the agreement's consortium.");
      }
      const before = await manager
        .createQueryBuilder(Responsibility, "choice")
        .setLock("pessimistic_write")
        .where("choice.agreement_id = :agreement AND choice.category = :category", { agreement: current.key, category: input.category })
        .getOne();
      if ((before?.version ?? null) !== (input.expectedVersion ?? null)) throw conflict();
      const after = before
        ? await updateVersioned(manager, Responsibility, before.key, before.version, { organisationKey: organisationKey! })
        : await insertChoice(manager, { agreementKey: current.key, category: input.category, organisationKey: organisationKey! });
      audit({ subjectType: "Responsibility", subjectKey: after.key, consortiumKey: current.consortiumKey, before: before ?? null, after });
      return current;
    });
  }
}

const rejection = (field: string, code: UserErrorCode, message: string) => new UserErrors([userError(["input", field], code, message)]);

/** A first choice for a category; another coordinator's first choice committed meanwhile is a CONFLICT. */
async function insertChoice(manager: EntityManager, values: Pick<Responsibility, "agreementKey" | "category" | "organisationKey">): Promise<Responsibility> {
  try {
    return await manager.save(manager.create(Responsibility, values));
  } catch (error) {
    if (isUniqueViolation(error, "agreement_responsibility_category_key")) throw conflict();
    throw error;
  }
}

/** What an agreement's matrix follows: its consortium's current members in membership order (oldest first, the lead first among equals) and the stored choices. */
interface MatrixBasis {
  agreementKey: string;
  members: CurrentMember[];
  choices: Array<ResponsibilityChoice & { version: number }>;
}

/** The basis of each agreement the scope covers whose consortium has members on `day`, in one statement. */
async function readBases(manager: EntityManager, scope: ConsortiumScope, agreementKeys: readonly string[], day: string): Promise<MatrixBasis[]> {
  const query = manager
    .createQueryBuilder()
    .select("agreement.id", "agreementKey")
    .addSelect(
      `(SELECT json_agg(json_build_object('organisationKey', membership.organisation_id, 'kind', organisation.kind, 'role', membership.role)
                        ORDER BY membership.joined_on, membership.role, membership.created_at, membership.id)
          FROM consortium_membership membership
          JOIN organisation ON organisation.id = membership.organisation_id
         WHERE membership.consortium_id = agreement.consortium_id
           AND membership.joined_on <= :day AND (membership.left_on IS NULL OR membership.left_on > :day))`,
      "members",
    )
    .addSelect(
      `(SELECT COALESCE(json_agg(json_build_object('category', choice.category, 'organisationKey', choice.organisation_id, 'version', choice.version)), '[]')
          FROM agreement_responsibility choice WHERE choice.agreement_id = agreement.id)`,
      "choices",
    )
    .from(Agreement, "agreement")
    .where("agreement.id IN (:...agreementKeys)", { agreementKeys: [...agreementKeys] })
    .setParameter("day", day);
  const rows = await withinScope(query, scope, "agreement.consortium_id").getRawMany<Omit<MatrixBasis, "members"> & { members: CurrentMember[] | null }>();
  return rows.filter((row): row is MatrixBasis => row.members !== null);
}

async function readMatrices(manager: EntityManager, scope: ConsortiumScope, agreementKeys: readonly string[], day: string): Promise<Map<string, ResponsibilityAssignment[]>> {
  const bases = await readBases(manager, scope, agreementKeys, day);
  return new Map(
    bases.map(({ agreementKey, members, choices }) => {
      const assignments = responsibilityMatrix(members, choices).map((assignment) =>
        Object.assign(new ResponsibilityAssignment(), { ...assignment, version: choices.find((c) => c.category === assignment.category)?.version ?? null }),
      );
      return [agreementKey, assignments];
    }),
  );
}
