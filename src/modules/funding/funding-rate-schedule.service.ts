import { type EntityManager, In } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { Database } from "../../database/database";
import { queryNamed } from "../../database/sql";
import { type ConnectionPage, paginate } from "../../graphql/connection";
import { parseCents } from "../../graphql/money";
import type { PageArgs } from "../../graphql/pagination";
import { UserErrorCode, UserErrors, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { type MutationOutcome, type MutationRunner, isUniqueViolation } from "../../shared/mutation-runner";
import { FundingRateSchedule } from "./funding-rate-schedule.entity";
import type { CreateFundingRateScheduleInput } from "./funding-rate-schedule.inputs";
import { FundingRate } from "./funding-rate.entity";
import { FUNDING_KINDS } from "./funding-vocabulary";
import type { RateSchedule } from "./rate-schedule";
import { scheduleRates } from "./rate-schedule-rules";

/** A stored schedule as the funding engine takes it, with its key to record which rates a line used. */
export interface StoredRateSchedule extends RateSchedule {
  key: string;
}

/** Rate schedules are the programme's public terms: every signed-in role reads them; Fedasil admins add them. */
export class FundingRateScheduleService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  readMany(keys: readonly string[]): Promise<FundingRateSchedule[]> {
    return this.db.manager.findBy(FundingRateSchedule, { key: In([...keys]) });
  }

  readRates(keys: readonly string[]): Promise<FundingRate[]> {
    return this.db.manager.findBy(FundingRate, { key: In([...keys]) });
  }

  /** The rates of each schedule, in the order of the programme's terms. */
  ratesOf(scheduleKeys: readonly string[], manager: EntityManager = this.db.manager): Promise<FundingRate[]> {
    return ratesOfSchedules(manager, scheduleKeys);
  }

  /** Newest first; the effective date is unique, so it orders the list completely. */
  list(page: PageArgs): Promise<ConnectionPage<FundingRateSchedule>> {
    const query = () => this.db.manager.createQueryBuilder(FundingRateSchedule, "schedule");
    return paginate(page, {
      read: (offset, limit) => query().orderBy("schedule.effective_from", "DESC").offset(offset).limit(limit).getMany(),
      count: () => query().getCount(),
    });
  }

  /** Every schedule with its rates, for the funding engine (a handful of rows: the whole history). */
  engineSchedules(manager: EntityManager = this.db.manager): Promise<StoredRateSchedule[]> {
    return engineSchedulesIn(manager);
  }

  create(caller: Caller, input: CreateFundingRateScheduleInput): Promise<MutationOutcome<FundingRateSchedule>> {
    requirePermission(caller, Permission.MANAGE_FUNDING_RATES);
    const spec = {
      operation: "createFundingRateSchedule",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(FundingRateSchedule, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit }) => {
      const { rates, problems } = scheduleRates(input.rates.map((rate) => ({ kind: rate.kind, cents: parseCents(rate.amount.amount) })));
      rejectIf(asUserErrors(problems));
      const schedule = manager.create(FundingRateSchedule, { effectiveFrom: input.effectiveFrom, note: input.note?.trim() || null });
      await insertOrReject(() => manager.save(schedule), input.effectiveFrom);
      const rows = FUNDING_KINDS.map((kind) => manager.create(FundingRate, { scheduleKey: schedule.key, kind, amountCents: rates![kind] }));
      await manager.save(rows);
      audit({ subjectType: "FundingRateSchedule", subjectKey: schedule.key, consortiumKey: null, before: null, after: { ...schedule, ...rates } });
      return schedule;
    });
  }
}

/** The rates of each schedule, in the order of the programme's terms, read with `manager` (a transaction's). */
async function ratesOfSchedules(manager: EntityManager, scheduleKeys: readonly string[]): Promise<FundingRate[]> {
  const rates = await manager.findBy(FundingRate, { scheduleKey: In([...scheduleKeys]) });
  return rates.sort((a, b) => FUNDING_KINDS.indexOf(a.kind) - FUNDING_KINDS.indexOf(b.kind));
}

/** Every schedule with its rates for the funding engine, in one statement, read with `manager` (a transaction's). */
export function engineSchedulesIn(manager: EntityManager): Promise<StoredRateSchedule[]> {
  return queryNamed<StoredRateSchedule>(
    manager,
    `SELECT schedule.id AS key, to_char(schedule.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
            COALESCE(json_object_agg(rate.kind, rate.amount_cents) FILTER (WHERE rate.kind IS NOT NULL), '{}') AS rates
       FROM funding_rate_schedule schedule
       LEFT JOIN funding_rate rate ON rate.schedule_id = schedule.id
      GROUP BY schedule.id
      ORDER BY schedule.effective_from`,
    {},
  );
}

/** A second schedule on the same day is a user error, not a fault. */
async function insertOrReject(save: () => Promise<unknown>, effectiveFrom: string): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (!isUniqueViolation(error, "funding_rate_schedule_effective_from_key")) throw error;
    throw new UserErrors([userError(["input", "effectiveFrom"], UserErrorCode.TAKEN, `A rate schedule already takes effect on ${effectiveFrom}.`)]);
  }
}
