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

/** For each relation a household list reads along, the properties it reads (null: all; see EntityColumns.only). */
export type HouseholdReads = Partial<Record<HouseholdRelation, readonly string[] | null>>;

/** Each relation a household list read along, in the order of its own list. */
export type HouseholdReadAlong = { [R in HouseholdRelation]?: R extends "persons" ? Person[] : Accommodation[] };

/**
 * SQL for the household list over the alias `household`: each relation as one JSON array. A
 * listed household is one the viewer may see, and so are its members and homes: no scope here.
 */
export function alongColumns(db: Database, reads: HouseholdReads): Array<[sql: string, alias: HouseholdRelation]> {
  const persons = entityColumns(db, Person).only(reads.persons ?? null);
  const homes = entityColumns(db, Accommodation).only(reads.accommodations ?? null);
  const sql: Record<HouseholdRelation, string> = {
    persons: `SELECT json_agg(${persons.json("person")} ORDER BY ${PERSON_ORDER}) FROM person WHERE person.household_id = household.id`,
    accommodations: `SELECT json_agg(${homes.json("accommodation")} ORDER BY ${ACCOMMODATION_ORDER}) FROM accommodation WHERE accommodation.household_id = household.id`,
  };
  return (Object.keys(reads) as HouseholdRelation[]).map((relation) => [`(${sql[relation]})`, relation]);
}

/** Keeps on the household what its row read along. */
export function keepAlong(db: Database, reads: HouseholdReads, household: Household, row: ObjectLiteral): void {
  const along: HouseholdReadAlong = {};
  if (reads.persons !== undefined) along.persons = entityColumns(db, Person).only(reads.persons).hydrate(row.persons ?? []);
  if (reads.accommodations !== undefined) along.accommodations = entityColumns(db, Accommodation).only(reads.accommodations).hydrate(row.accommodations ?? []);
  household.readAlong = along;
}
