import type { EntityManager } from "typeorm";
import { type Caller, auditActor } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { ConsortiumScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { readEntities } from "../../database/entity-rows";
import { keyOf } from "../../graphql/global-id";
import { parseCents } from "../../graphql/money";
import { type UserRuleProblem, UserErrorCode, UserErrors, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { type MutationOutcome, type MutationRunner, conflict } from "../../shared/mutation-runner";
import { updateVersioned } from "../../database/versioned-update";
import { Accommodation } from "./accommodation.entity";
import type { SetAccommodationInput } from "./accommodation.inputs";
import { MINIMUM_STAY_MONTHS, isShortStay } from "./accommodation-rules";
import type { HouseholdAccess } from "./household-access";
import { trimmedText } from "./household-rules";
import { ACCOMMODATION_ORDER } from "./household-rows";
import { householdInScope } from "./household-scope";

/** The integer column holding the rent. */
const MAX_RENT_CENTS = 2_147_483_647;

/** The homes of households: coordinators of the consortium add and correct them. */
export class AccommodationService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner, private readonly access: HouseholdAccess) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Accommodation[]> {
    const inScope = householdInScope("accommodation.household_id", scope);
    const query = this.db.manager
      .createQueryBuilder(Accommodation, "accommodation")
      .where("accommodation.id IN (:...keys)", { keys: [...keys] })
      .andWhere(inScope.sql, inScope.params);
    return readEntities(this.db, query);
  }

  /** The homes of these households by availableFrom, the more recently added last on the same day. */
  ofHouseholds(scope: ConsortiumScope, householdKeys: readonly string[]): Promise<Accommodation[]> {
    const inScope = householdInScope("accommodation.household_id", scope);
    const query = this.db.manager
      .createQueryBuilder(Accommodation, "accommodation")
      .where("accommodation.household_id IN (:...householdKeys)", { householdKeys: [...householdKeys] })
      .andWhere(inScope.sql, inScope.params)
      .orderBy(ACCOMMODATION_ORDER);
    return readEntities(this.db, query);
  }

  async set(caller: Caller, input: SetAccommodationInput): Promise<MutationOutcome<Accommodation>> {
    const { household, agreement } = await this.access.household(caller, input.householdId, [Permission.MANAGE_HOUSEHOLDS]);
    const spec = {
      operation: "setAccommodation",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(Accommodation, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit }) => {
      const before = await homeToCorrect(manager, household.key, input);
      const { values, problems } = accommodationValues(input);
      rejectIf(asUserErrors(problems));
      const after = before
        ? await updateVersioned(manager, Accommodation, before.key, before.version, values)
        : await manager.save(manager.create(Accommodation, { ...values, householdKey: household.key }));
      await audit({ subjectType: "Accommodation", subjectKey: after.key, consortiumKey: agreement.consortiumKey, before, after });
      return after;
    });
  }
}

/** With accommodationId: that home of this household at the version the caller read; else null (a new home). */
async function homeToCorrect(manager: EntityManager, householdKey: string, input: SetAccommodationInput): Promise<Accommodation | null> {
  if (input.accommodationId == null) {
    rejectIf([input.expectedVersion == null ? null : userError(["input", "expectedVersion"], UserErrorCode.INVALID, "expectedVersion goes with accommodationId.")]);
    return null;
  }
  if (input.expectedVersion == null) {
    throw new UserErrors([userError(["input", "expectedVersion"], UserErrorCode.REQUIRED, "Give the home's version as you last read it.")]);
  }
  const key = keyOf(input.accommodationId, "Accommodation");
  const home = key ? await manager.findOneBy(Accommodation, { key, householdKey }) : null;
  if (!home) throw new UserErrors([userError(["input", "accommodationId"], UserErrorCode.UNKNOWN_REFERENCE, "This household has no such home.")]);
  if (home.version !== input.expectedVersion) throw conflict();
  return home;
}

/** The columns of a home from the input, or the problems with it. */
function accommodationValues(input: SetAccommodationInput) {
  const problems: UserRuleProblem[] = [];
  const text = (field: "streetAddress" | "municipality", max: number): string => {
    const result = trimmedText(input[field], max);
    if ("value" in result) return result.value;
    problems.push({ field: [field], code: result.problem, message: result.problem === "REQUIRED" ? `${field} is required.` : `${field} is longer than ${max} characters.` });
    return input[field];
  };
  const streetAddress = text("streetAddress", 200);
  const municipality = text("municipality", 100);
  const availableUntil = input.availableUntil ?? null;
  const backwards = availableUntil !== null && availableUntil <= input.availableFrom;
  if (backwards) problems.push({ field: ["availableUntil"], code: "INVALID_DATE_RANGE", message: "availableUntil comes after availableFrom." });
  const shortStay = isShortStay(input.availableFrom, availableUntil);
  if (shortStay && !backwards && !input.acknowledgeShortStay) {
    const message = `The programme asks for a home available for at least ${MINIMUM_STAY_MONTHS} months; set acknowledgeShortStay to accept a shorter stay.`;
    problems.push({ field: ["availableUntil"], code: "SHORT_ACCOMMODATION", message });
  }
  const monthlyRentCents = input.monthlyRent ? parseCents(input.monthlyRent.amount) : null;
  if (input.monthlyRent && (monthlyRentCents === null || monthlyRentCents < 0 || monthlyRentCents > MAX_RENT_CENTS)) {
    problems.push({ field: ["monthlyRent", "amount"], code: "INVALID", message: "The rent is a decimal amount with at most two places, not negative, e.g. \"650.00\"." });
  }
  const values = {
    streetAddress,
    postalCode: input.postalCode,
    municipality,
    availableFrom: input.availableFrom,
    availableUntil,
    monthlyRentCents,
    landlordKind: input.landlordKind,
    shortStayAcknowledged: shortStay,
  };
  return { values, problems };
}
