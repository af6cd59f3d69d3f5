import type { EntityManager } from "typeorm";
import { type Caller, auditActor } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { ConsortiumScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { readEntities } from "../../database/entity-rows";
import { asUserErrors, UserErrorCode, UserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import { updateVersioned } from "../../database/versioned-update";
import { syncHouseholdFunding } from "../funding/household-funding";
import type { HouseholdAccess } from "./household-access";
import { PERSON_ORDER } from "./household-rows";
import { householdInScope } from "./household-scope";
import { Household, HouseholdStatus } from "./household.entity";
import { memberValues } from "./member-values";
import { Person, Relationship } from "./person.entity";
import type { AddPersonInput, RemovePersonInput, UpdatePersonInput } from "./person.inputs";
import { addPersonProblem, arrivalDay, relationshipChange, removePersonProblem } from "./person-rules";
import { checkCapacity, lockAgreement } from "./placements";
import { cancelTasksOfPerson } from "../tasks/person-tasks";
import type { TaskPubSub } from "../tasks/task-notifications";

/**
 * The members of households. Each person carries its own version: changing a member does not
 * change the household's version, so two coordinators correcting different members never
 * conflict, while the database keeps exactly one head per household.
 */
export class PersonService {
  constructor(
    private readonly db: Database,
    private readonly mutations: MutationRunner,
    private readonly access: HouseholdAccess,
    private readonly taskPubSub: TaskPubSub,
  ) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Person[]> {
    const inScope = householdInScope("person.household_id", scope);
    const query = this.db.manager
      .createQueryBuilder(Person, "person")
      .where("person.id IN (:...keys)", { keys: [...keys] })
      .andWhere(inScope.sql, inScope.params);
    return readEntities(this.db, query);
  }

  /** The members of these households: the head first, then by birth date. */
  ofHouseholds(scope: ConsortiumScope, householdKeys: readonly string[]): Promise<Person[]> {
    const inScope = householdInScope("person.household_id", scope);
    const query = this.db.manager
      .createQueryBuilder(Person, "person")
      .where("person.household_id IN (:...householdKeys)", { householdKeys: [...householdKeys] })
      .andWhere(inScope.sql, inScope.params)
      .orderBy(PERSON_ORDER);
    return readEntities(this.db, query);
  }

  async add(caller: Caller, input: AddPersonInput): Promise<MutationOutcome<Person>> {
    const { household, agreement } = await this.access.household(caller, input.householdId, [Permission.MANAGE_HOUSEHOLDS]);
    const spec = { operation: "addPerson", actor: auditActor(caller), idempotencyKey: input.idempotencyKey, input, reload: (key: string) => this.db.manager.findOneBy(Person, { key }) };
    return this.mutations.run(spec, async (scope) => {
      const { manager, audit } = scope;
      const current = await manager.findOneByOrFail(Household, { key: household.key });
      const headProblem = addPersonProblem(input.relationship);
      const member = memberValues(input, [], { arrival: arrivalDay(current), today: todayInBrussels(), fallbackResettled: true });
      rejectIf(asUserErrors([...(headProblem ? [headProblem] : []), ...member.problems]));
      if (member.values.resettled) await this.checkRoomFor(manager, current, ["input", "resettled"]);
      const person = await oneHead(() => manager.save(manager.create(Person, { ...member.values, householdKey: current.key })));
      await audit({ subjectType: "Person", subjectKey: person.key, consortiumKey: agreement.consortiumKey, before: null, after: person });
      await syncHouseholdFunding(scope, current.key, "a member was added");
      return person;
    });
  }

  async update(caller: Caller, input: UpdatePersonInput): Promise<MutationOutcome<Person>> {
    const { person, agreement } = await this.access.person(caller, input.personId, [Permission.MANAGE_HOUSEHOLDS]);
    return this.mutations.run({ operation: "updatePerson", actor: auditActor(caller), input }, async (scope) => {
      const { manager, audit } = scope;
      const before = await currentVersion(manager, person.key, input.expectedVersion);
      const household = await manager.findOneByOrFail(Household, { key: before.householdKey });
      const change = relationshipChange(before.relationship, input.relationship, input.formerHeadRelationship);
      const fields = {
        givenName: input.givenName ?? before.givenName,
        familyName: input.familyName ?? before.familyName,
        birthDate: input.birthDate ?? before.birthDate,
        sex: input.sex ?? before.sex,
        relationship: input.relationship ?? before.relationship,
        resettled: input.resettled,
      };
      const member = memberValues(fields, [], { arrival: arrivalDay(household), today: todayInBrussels(), fallbackResettled: before.resettled });
      rejectIf(asUserErrors(["problem" in change ? change.problem : null, ...member.problems].filter((p) => p !== null)));
      if (member.values.resettled && !before.resettled) await this.checkRoomFor(manager, household, ["input", "resettled"]);
      if ("formerHeadBecomes" in change && change.formerHeadBecomes) {
        // The former head steps down first: the one-head index holds after every statement.
        const formerHead = await manager.findOneByOrFail(Person, { householdKey: household.key, relationship: Relationship.HEAD });
        const demoted = await updateVersioned(manager, Person, formerHead.key, formerHead.version, { relationship: change.formerHeadBecomes });
        await audit({ subjectType: "Person", subjectKey: demoted.key, consortiumKey: agreement.consortiumKey, before: formerHead, after: demoted });
      }
      const after = await oneHead(() => updateVersioned(manager, Person, before.key, input.expectedVersion, member.values));
      await audit({ subjectType: "Person", subjectKey: after.key, consortiumKey: agreement.consortiumKey, before, after });
      await syncHouseholdFunding(scope, household.key, "a member was corrected");
      return after;
    });
  }

  /** Removes a member other than the head; the result is the household it left. */
  async remove(caller: Caller, input: RemovePersonInput): Promise<MutationOutcome<Household>> {
    const { person, agreement } = await this.access.person(caller, input.personId, [Permission.MANAGE_HOUSEHOLDS]);
    return this.mutations.run({ operation: "removePerson", actor: auditActor(caller), input }, async (scope) => {
      const { manager, audit } = scope;
      const before = await currentVersion(manager, person.key, input.expectedVersion);
      const headProblem = removePersonProblem(before.relationship);
      rejectIf(asUserErrors(headProblem ? [{ ...headProblem, field: ["personId"] }] : []));
      await cancelTasksOfPerson(scope, caller, this.taskPubSub, before, agreement.consortiumKey);
      const removed = await manager
        .createQueryBuilder()
        .delete()
        .from(Person)
        .where("id = :key AND version = :version", { key: before.key, version: input.expectedVersion })
        .execute();
      if (!removed.affected) throw conflict();
      await audit({ subjectType: "Person", subjectKey: before.key, consortiumKey: agreement.consortiumKey, before, after: null });
      await syncHouseholdFunding(scope, before.householdKey, "a member was removed");
      return manager.findOneByOrFail(Household, { key: before.householdKey });
    });
  }

  /** One more resettled person must fit the agreement, unless the household has exited (it no longer counts). */
  private async checkRoomFor(manager: EntityManager, household: Household, field: string[]): Promise<void> {
    if (household.status === HouseholdStatus.EXITED) return;
    await checkCapacity(manager, await lockAgreement(manager, household.agreementKey), 1, field);
  }
}

/** The person as it stands in the transaction, if still at the version the caller read; CONFLICT otherwise. */
async function currentVersion(manager: EntityManager, key: string, expectedVersion: number): Promise<Person> {
  const person = await manager.findOneBy(Person, { key });
  if (!person || person.version !== expectedVersion) throw conflict();
  return person;
}

/** A second head can only come from a concurrent change of heads: a user error, not a fault. */
async function oneHead<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "person_one_head_key")) {
      throw new UserErrors([userError(["input", "relationship"], UserErrorCode.ONE_HEAD_ONLY, "The household's head was changed meanwhile; reload it and try again.")]);
    }
    throw error;
  }
}
