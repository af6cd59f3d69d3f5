import { type EntityManager, In } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { type ConsortiumScope, householdScope, inScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { parseCents } from "../../graphql/money";
import { UserErrorCode, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import type { MutationOutcome, MutationRunner } from "../../shared/mutation-runner";
import { updateVersioned } from "../../database/versioned-update";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { agreementInScope } from "../households/household-scope";
import { FundingAllocation } from "./funding-allocation.entity";
import { FundingLineKind } from "./funding-line-kind";
import { adjustmentValues, settlementProblems } from "./funding-line-rules";
import { type LineValues, lineSharing, writeLines } from "./funding-line-writes";
import { FundingLine } from "./funding-line.entity";
import type { CreateFundingAdjustmentInput, SettleFundingLinesInput } from "./funding-line.inputs";
import { sharesForLine } from "./line-shares";
import { euro } from "./euro";

/** Lines by due date, then in the order of the programme's terms, adjustments last. */
const LINE_ORDER = "array_position(ARRAY['BASE','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER','EXTENSION','ADJUSTMENT']::text[], line.kind)";

/** The lines settled together, as one mutation's result. */
export interface Settlement {
  key: string;
  lines: FundingLine[];
}

/**
 * Funding lines as far as the viewer's household scope reaches (money is seen like households:
 * the consortium's partners and Fedasil; evaluators only in aggregates). Fedasil admins settle
 * lines and enter adjustments; the engine's lines come from the household's facts (household-funding.ts).
 */
export class FundingLineService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  async readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<FundingLine[]> {
    if (keys.length === 0) return [];
    const visible = agreementInScope("line.agreement_id", scope);
    return this.db.manager.createQueryBuilder(FundingLine, "line").where("line.id IN (:...keys)", { keys: [...keys] }).andWhere(visible.sql, visible.params).getMany();
  }

  ofHouseholds(scope: ConsortiumScope, householdKeys: readonly string[]): Promise<FundingLine[]> {
    const visible = agreementInScope("line.agreement_id", scope);
    return this.db.manager
      .createQueryBuilder(FundingLine, "line")
      .where("line.household_id IN (:...householdKeys)", { householdKeys: [...householdKeys] })
      .andWhere(visible.sql, visible.params)
      .orderBy("line.due_on", "ASC")
      .addOrderBy(LINE_ORDER, "ASC")
      .addOrderBy("line.created_at", "ASC")
      .addOrderBy("line.id", "ASC")
      .getMany();
  }

  /** The split of each line, in the order it was divided (a tied cent went to the earlier member). */
  allocationsOf(scope: ConsortiumScope, lineKeys: readonly string[]): Promise<FundingAllocation[]> {
    const visible = agreementInScope("line.agreement_id", scope);
    return this.db.manager
      .createQueryBuilder(FundingAllocation, "allocation")
      .innerJoin(FundingLine, "line", "line.id = allocation.funding_line_id")
      .where("allocation.funding_line_id IN (:...lineKeys)", { lineKeys: [...lineKeys] })
      .andWhere(visible.sql, visible.params)
      .orderBy("allocation.position", "ASC")
      .getMany();
  }

  /** Marks unsettled lines paid; if any of them is settled already, nothing is written. */
  async settle(caller: Caller, input: SettleFundingLinesInput): Promise<MutationOutcome<Settlement>> {
    const parsed = input.lineIds.map((id) => keyOf(id, "FundingLine"));
    const keys = [...new Set(parsed.filter((key): key is string => key !== null))];
    const visible = await this.readMany(householdScope(caller.viewer), keys);
    if (parsed.includes(null) || visible.length !== keys.length) throw notFound();
    requirePermission(caller, Permission.MANAGE_FUNDING_LINES);
    return this.mutations.run({ operation: "settleFundingLines", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      rejectIf(asUserErrors(settlementProblems(input.settledOn, todayInBrussels())));
      const lines = await manager.createQueryBuilder(FundingLine, "line").setLock("pessimistic_write").where("line.id IN (:...keys)", { keys }).orderBy("line.id").getMany();
      rejectIf(input.lineIds.map((id, i) => {
        const settled = lines.find((line) => line.key === parsed[i] && line.settledOn !== null);
        return settled ? userError(["input", "lineIds", String(i)], UserErrorCode.INVALID_STATE, `Line ${id} was already settled on ${settled.settledOn}.`) : null;
      }));
      const agreements = await manager.findBy(Agreement, { key: In(lines.map((line) => line.agreementKey)) });
      const consortiumOf = new Map(agreements.map((a) => [a.key, a.consortiumKey]));
      const changes = { settledOn: input.settledOn, settledByUserKey: caller.viewer.userId, settlementReference: input.settlementReference?.trim() || null };
      const settled: FundingLine[] = [];
      for (const before of lines) {
        const after = await updateVersioned(manager, FundingLine, before.key, before.version, changes);
        audit({ subjectType: "FundingLine", subjectKey: after.key, consortiumKey: consortiumOf.get(after.agreementKey)!, before, after });
        settled.push(after);
      }
      const inInputOrder = keys.map((key) => settled.find((line) => line.key === key)!);
      return { key: inInputOrder[0].key, lines: inInputOrder };
    });
  }

  /** A signed correction entered by a Fedasil admin, divided like a line on its due date. */
  async createAdjustment(caller: Caller, input: CreateFundingAdjustmentInput): Promise<MutationOutcome<FundingLine>> {
    const agreementKey = keyOf(input.agreementId, "Agreement");
    const agreement = agreementKey ? await this.db.manager.findOneBy(Agreement, { key: agreementKey }) : null;
    if (!agreement || !inScope(householdScope(caller.viewer), agreement.consortiumKey)) throw notFound();
    requirePermission(caller, Permission.MANAGE_FUNDING_LINES);
    const spec = {
      operation: "createFundingAdjustment",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(FundingLine, { key }),
    };
    return this.mutations.run(spec, async (scope) => {
      const { values, problems } = adjustmentValues({ cents: parseCents(input.amount.amount), reason: input.reason });
      rejectIf(asUserErrors(problems));
      const householdKey = await householdOf(scope.manager, agreement, input.householdId);
      const owner = { agreementKey: agreement.key, consortiumKey: agreement.consortiumKey, householdKey };
      const sharing = await lineSharing(scope.manager, owner);
      rejectIf([sharesForLine(sharing.members, input.dueOn).length > 0 ? null : userError(["input", "dueOn"], UserErrorCode.INVALID_STATE, `The consortium has no member on ${input.dueOn} to receive the adjustment.`)]);
      const adjustment: LineValues = {
        kind: FundingLineKind.ADJUSTMENT,
        quantity: 1,
        rateCents: null,
        rateScheduleKey: null,
        amountCents: values!.amountCents,
        dueOn: input.dueOn,
        explanation: `Adjustment of ${euro(values!.amountCents)} entered by Fedasil`,
        reason: values!.reason,
        createdByUserKey: caller.viewer.userId,
      };
      const [line] = await writeLines(scope, owner, sharing, { inserts: [adjustment] });
      return line;
    });
  }
}

/** The household named in the input, which must be one of the agreement's; null when none is named. */
export async function householdOf(manager: EntityManager, agreement: Agreement, householdId: string | null | undefined): Promise<string | null> {
  if (householdId == null) return null;
  const key = keyOf(householdId, "Household");
  const household = key ? await manager.findOneBy(Household, { key, agreementKey: agreement.key }) : null;
  rejectIf([household ? null : userError(["input", "householdId"], UserErrorCode.UNKNOWN_REFERENCE, "No such household under this agreement.")]);
  return household!.key;
}
