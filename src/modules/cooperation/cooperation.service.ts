import { type Caller, auditActor } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { type ConsortiumScope, householdScope } from "../../auth/viewer";
import { type ChildWindow, childPageKeys } from "../../database/child-pages";
import type { Database } from "../../database/database";
import { asUserErrors, rejectIf } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import type { MutationOutcome, MutationRunner, MutationScope } from "../../shared/mutation-runner";
import type { Agreement } from "../agreements/agreement.entity";
import type { HouseholdAccess } from "../households/household-access";
import { agreementInScope } from "../households/household-scope";
import type { TaskPubSub } from "../tasks/task-notifications";
import { CooperationEventKind } from "../tasks/task-vocabulary";
import type { Task } from "../tasks/task.entity";
import { householdStandings, keysOf, participantStandings } from "./cooperation-checks";
import { CooperationEvent } from "./cooperation-event.entity";
import { eventProblems, householdProblems, participantProblems, tidyText } from "./cooperation-rules";
import type { CooperationEventFilter, RecordCooperationEventInput } from "./cooperation.inputs";
import { completeKeyMomentTasks, tasksCompletedBy } from "./key-moment-tasks";

/** What recording an event did: the event, and the key-moment tasks it completed. */
export interface RecordedCooperationEvent {
  key: string;
  event: CooperationEvent;
  completedTasks: Task[];
}

/** Lists of events belong to an agreement or to a household. */
export type EventOwner = "agreement" | "household";

export interface EventHouseholdLink {
  eventKey: string;
  householdKey: string;
}

const SOURCES: Record<EventOwner, { from: string; owner: string }> = {
  agreement: { from: "cooperation_event event", owner: "event.agreement_id" },
  household: { from: "cooperation_event event JOIN cooperation_event_household link ON link.cooperation_event_id = event.id", owner: "link.household_id" },
};
const NEWEST_FIRST = "event.occurred_on DESC, event.created_at DESC, event.id DESC";

/** EVALUATION moments are Fedasil's; the other kinds belong to the whole partnership. */
const PERMISSION_BY_KIND: Record<CooperationEventKind, Permission> = {
  [CooperationEventKind.FEEDBACK]: Permission.RECORD_COOPERATION_EVENTS,
  [CooperationEventKind.KEY_MOMENT_REPORT]: Permission.RECORD_COOPERATION_EVENTS,
  [CooperationEventKind.MEETING]: Permission.RECORD_COOPERATION_EVENTS,
  [CooperationEventKind.EVALUATION]: Permission.RECORD_EVALUATIONS,
};

/**
 * Cooperation events, seen like households (they may hold personal detail): partners their
 * consortia's, Fedasil all, evaluators none.
 */
export class CooperationService {
  constructor(
    private readonly db: Database,
    private readonly mutations: MutationRunner,
    private readonly access: HouseholdAccess,
    private readonly taskPubSub: TaskPubSub,
  ) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<CooperationEvent[]> {
    const inScope = agreementInScope("event.agreement_id", scope);
    return this.db.manager
      .createQueryBuilder(CooperationEvent, "event")
      .where("event.id IN (:...keys)", { keys: [...keys] })
      .andWhere(inScope.sql, inScope.params)
      .getMany();
  }

  /** The keys of one page per window, newest first, all read in one statement. */
  pageKeys(scope: ConsortiumScope, owner: EventOwner, filter: CooperationEventFilter | null, windows: readonly ChildWindow[]): Promise<string[][]> {
    const source = this.filtered(scope, owner, filter, windows.map((w) => w.parentKey));
    return childPageKeys(this.db, {
      id: "event.id",
      parent: source.owner,
      from: source.from,
      where: source.where,
      orderBy: NEWEST_FIRST,
      params: source.params,
    }, windows);
  }

  /** How many events each owner has that pass the filter, as far as the scope reaches. */
  async counts(scope: ConsortiumScope, owner: EventOwner, filter: CooperationEventFilter | null, ownerKeys: readonly string[]): Promise<Map<string, number>> {
    const source = this.filtered(scope, owner, filter, ownerKeys);
    const [sql, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(
      `SELECT ${source.owner} AS owner, count(*)::int AS count FROM ${source.from} WHERE ${source.where} GROUP BY ${source.owner}`,
      source.params,
    );
    const rows = (await this.db.manager.query(sql, parameters)) as Array<{ owner: string; count: number }>;
    return new Map(rows.map((row) => [row.owner, Number(row.count)]));
  }

  /** The households each event is about, by reference; the events are already in the caller's scope. */
  async householdLinks(eventKeys: readonly string[]): Promise<EventHouseholdLink[]> {
    return this.db.manager.query(
      `SELECT link.cooperation_event_id AS "eventKey", link.household_id AS "householdKey"
         FROM cooperation_event_household link JOIN household ON household.id = link.household_id
        WHERE link.cooperation_event_id = ANY($1)
        ORDER BY lower(household.reference), household.id`,
      [[...eventKeys]],
    );
  }

  private filtered(scope: ConsortiumScope, owner: EventOwner, filter: CooperationEventFilter | null, ownerKeys: readonly string[]) {
    const { from, owner: ownerColumn } = SOURCES[owner];
    const inScope = agreementInScope("event.agreement_id", scope);
    const where = [`${ownerColumn} = ANY(:owners)`, inScope.sql];
    if (filter?.kinds?.length) where.push("event.kind = ANY(:kinds)");
    if (filter?.occurredFrom) where.push("event.occurred_on >= :occurredFrom");
    if (filter?.occurredTo) where.push("event.occurred_on <= :occurredTo");
    return {
      from,
      owner: ownerColumn,
      where: where.join(" AND "),
      params: { ...inScope.params, owners: [...ownerKeys], kinds: filter?.kinds ?? [], occurredFrom: filter?.occurredFrom, occurredTo: filter?.occurredTo },
    };
  }

  async record(caller: Caller, input: RecordCooperationEventInput): Promise<MutationOutcome<RecordedCooperationEvent>> {
    const agreement = await this.access.agreement(caller, input.agreementId, [PERMISSION_BY_KIND[input.kind]]);
    return this.mutations.run(
      {
        operation: "recordCooperationEvent",
        actor: auditActor(caller),
        idempotencyKey: input.idempotencyKey,
        input,
        reload: (key) => this.recorded(key),
      },
      (scope) => this.write(scope, caller, agreement, input),
    );
  }

  private async write(scope: MutationScope, caller: Caller, agreement: Agreement, input: RecordCooperationEventInput): Promise<RecordedCooperationEvent> {
    const { manager } = scope;
    const today = todayInBrussels();
    const participantKeys = keysOf(input.participantOrganisationIds, "Organisation");
    const householdKeys = keysOf(input.householdIds, "Household");
    rejectIf(
      asUserErrors([
        ...eventProblems(input, today),
        ...participantProblems(await participantStandings(manager, agreement, participantKeys, today)),
        ...householdProblems(await householdStandings(manager, householdScope(caller.viewer), agreement, householdKeys)),
      ]),
    );
    const households = distinct(householdKeys);
    const event = await manager.save(
      manager.create(CooperationEvent, {
        ...tidyText(input),
        agreementKey: agreement.key,
        kind: input.kind,
        occurredOn: input.occurredOn,
        keyMoment: input.keyMoment ?? null,
        participantOrganisationKeys: distinct(participantKeys),
        recordedByUserKey: caller.viewer.userId,
        recordedByOrganisationKey: caller.viewer.organisationId,
      }),
    );
    if (households.length > 0) {
      await manager.query(
        `INSERT INTO cooperation_event_household (cooperation_event_id, household_id) SELECT $1, unnest($2::uuid[])`,
        [event.key, households],
      );
    }
    await scope.audit({ subjectType: "CooperationEvent", subjectKey: event.key, consortiumKey: agreement.consortiumKey, before: null, after: event });
    const completedTasks = event.keyMoment
      ? await completeKeyMomentTasks(scope, caller, this.taskPubSub, { consortiumKey: agreement.consortiumKey, householdKeys: households, keyMoment: event.keyMoment })
      : [];
    return { key: event.key, event, completedTasks };
  }

  /** An event recorded earlier, with the tasks it completed (idempotent retry). */
  private async recorded(key: string): Promise<RecordedCooperationEvent | null> {
    const event = await this.db.manager.findOneBy(CooperationEvent, { key });
    return event && { key, event, completedTasks: await tasksCompletedBy(this.db.manager, key) };
  }
}

/** Each key once, in the order first named; rules have already rejected the unknown ones. */
const distinct = (keys: ReadonlyArray<string | null>): string[] => [...new Set(keys.filter((key): key is string => key !== null))];
