import type { ObjectLiteral } from "typeorm";
import type { Database } from "../../database/database";
import { entityColumns } from "../../database/entity-rows";
import { Accommodation } from "./accommodation.entity";
import type { Household } from "./household.entity";
import { Person } from "./person.entity";

/** A household's members: the head first, then by birth date (SQL over the alias `person`). */
export const PERSON_ORDER = "CASE WHEN person.relationship = 'HEAD' THEN 0 ELSE 1 END, person.birth_date, person.id";
/** A household's homes by availableFrom, the more recently added last on the same day (SQL over the alias `accommodation`). */
export const ACCOMMODATION_ORDER = "accommodation.available_from, accommodation.created_at, accommodation.id";

/** What a household list may read along with its households when its nodes select them. */
export type HouseholdRelation = "persons" | "accommodations";

/** Each relation a household list read along, in the order of its own list. */
export type HouseholdReadAlong = { [R in HouseholdRelation]?: R extends "persons" ? Person[] : Accommodation[] };

/**
 * SQL for the household list over the alias `household`: each relation as one JSON array. A
 * listed household is one the viewer may see, and so are its members and homes: no scope here.
 */
export function alongColumns(db: Database, relations: readonly HouseholdRelation[]): Array<[sql: string, alias: HouseholdRelation]> {
  const persons = entityColumns(db, Person);
  const homes = entityColumns(db, Accommodation);
  const sql: Record<HouseholdRelation, string> = {
    persons: `SELECT json_agg(${persons.json("person")} ORDER BY ${PERSON_ORDER}) FROM person WHERE person.household_id = household.id`,
    accommodations: `SELECT json_agg(${homes.json("accommodation")} ORDER BY ${ACCOMMODATION_ORDER}) FROM accommodation WHERE accommodation.household_id = household.id`,
  };
  return relations.map((relation) => [`(${sql[relation]})`, relation]);
}

/** Keeps on the household what its row read along. */
export function keepAlong(db: Database, relations: readonly HouseholdRelation[], household: Household, row: ObjectLiteral): void {
  if (relations.length === 0) return;
  const along: HouseholdReadAlong = {};
  if (relations.includes("persons")) along.persons = entityColumns(db, Person).hydrate(row.persons ?? []);
  if (relations.includes("accommodations")) along.accommodations = entityColumns(db, Accommodation).hydrate(row.accommodations ?? []);
  household.readAlong = along;
}
