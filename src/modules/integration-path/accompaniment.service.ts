import type { EntityManager } from "typeorm";
import { type Caller, auditActor } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { UserErrorCode, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict } from "../../shared/mutation-runner";
import { syncHouseholdFunding, syncLockedHouseholdFunding } from "../funding/household-funding";
import type { HouseholdAccess } from "../households/household-access";
import { Household, HouseholdStatus } from "../households/household.entity";
import { Person } from "../households/person.entity";
import type { TaskTemplateService } from "../task-templates/task-template.service";
import type { TaskPubSub } from "../tasks/task-notifications";
import { accompanimentOf, arrivalProblems, extendedEnd, extensionProblems } from "./accompaniment-rules";
import type { ExtendAccompanimentInput, RegisterArrivalInput } from "./accompaniment.inputs";
import { planIntegrationPath } from "./integration-path-plan";
import { createPathTasks, replanEndAnchoredTasks } from "./path-tasks";
import type { ResponsibilityService } from "./responsibility.service";

/** Starts a household's accompaniment with its integration path, and grants its second year. */
export class AccompanimentService {
  constructor(
    private readonly db: Database,
    private readonly mutations: MutationRunner,
    private readonly access: HouseholdAccess,
    private readonly templates: TaskTemplateService,
    private readonly responsibilities: ResponsibilityService,
    private readonly pubSub: TaskPubSub,
  ) {}

  /** Coordinators of the household's consortium: PLANNED -> IN_ACCOMPANIMENT, with the tasks of its path. */
  async registerArrival(caller: Caller, input: RegisterArrivalInput): Promise<MutationOutcome<Household>> {
    const { household, agreement } = await this.access.household(caller, input.householdId, [Permission.MANAGE_HOUSEHOLDS]);
    const spec = {
      operation: "registerArrival",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(Household, { key }),
    };
    return this.mutations.run(spec, async (scope) => {
      const { manager } = scope;
      const before = await lockHousehold(manager, household.key);
      const persons = await manager.find(Person, { where: { householdKey: before.key }, order: { birthDate: "ASC", key: "ASC" } });
      const today = todayInBrussels();
      const resettledBirthDates = persons.filter((p) => p.resettled).map((p) => p.birthDate);
      // The state first: a repeated call is told the arrival was registered, not that its version is stale.
      rejectIf(asUserErrors(arrivalProblems(input, { status: before.status, agreementStatus: agreement.status, resettledBirthDates, today })));
      if (before.version !== input.expectedVersion) throw conflict();
      const responsible = await this.responsibilities.responsibleIn(manager, agreement.key);
      rejectIf([responsible ? null : userError(["input", "householdId"], UserErrorCode.INVALID_STATE, "The consortium has no current member to take the household's tasks.")]);
      const period = accompanimentOf(input);
      const after = await updateVersioned(manager, Household, before.key, input.expectedVersion, {
        status: HouseholdStatus.IN_ACCOMPANIMENT,
        arrivedOn: input.arrivedOn,
        arrivalRoute: input.arrivalRoute,
        accompanimentStartsOn: period.startsOn,
        accompanimentEndsOn: period.endsOn,
      });
      scope.audit({ subjectType: "Household", subjectKey: after.key, consortiumKey: agreement.consortiumKey, before, after });
      const planned = planIntegrationPath({ ...period, persons }, await this.templates.active(manager), responsible!);
      const owner = { agreementKey: agreement.key, consortiumKey: agreement.consortiumKey, householdKey: after.key };
      await createPathTasks(scope, caller, this.pubSub, owner, planned);
      await syncLockedHouseholdFunding(scope, { household: after, persons, owner }, "the arrival was registered");
      return after;
    });
  }

  /** Coordinators and Fedasil: IN_ACCOMPANIMENT -> EXTENDED once, 12 more months, the work counted from the end moved along. */
  async extendAccompaniment(caller: Caller, input: ExtendAccompanimentInput): Promise<MutationOutcome<Household>> {
    const { household, agreement } = await this.access.household(caller, input.householdId, [Permission.CHANGE_HOUSEHOLD_STATUS]);
    return this.mutations.run({ operation: "extendAccompaniment", actor: auditActor(caller), input }, async (scope) => {
      const before = await lockHousehold(scope.manager, household.key);
      const today = todayInBrussels();
      const grantedOn = input.grantedOn ?? today;
      rejectIf(asUserErrors(extensionProblems({ status: before.status, startsOn: before.accompanimentStartsOn, grantedOn, today })));
      if (before.version !== input.expectedVersion) throw conflict();
      const period = { startsOn: before.accompanimentStartsOn!, endsOn: extendedEnd(before.accompanimentEndsOn!) };
      const after = await updateVersioned(scope.manager, Household, before.key, input.expectedVersion, {
        status: HouseholdStatus.EXTENDED,
        accompanimentEndsOn: period.endsOn,
        extendedOn: grantedOn,
      });
      scope.audit({ subjectType: "Household", subjectKey: after.key, consortiumKey: agreement.consortiumKey, before, after });
      const owner = { agreementKey: agreement.key, consortiumKey: agreement.consortiumKey, householdKey: after.key };
      await replanEndAnchoredTasks(scope, caller, this.pubSub, owner, period);
      await syncHouseholdFunding(scope, after.key, "the second year was granted");
      return after;
    });
  }
}

/** Reads the household and locks it until commit, so concurrent arrivals or extensions of it queue up. */
function lockHousehold(manager: EntityManager, key: string): Promise<Household> {
  return manager.createQueryBuilder(Household, "household").setLock("pessimistic_write").where("household.id = :key", { key }).getOneOrFail();
}
