import { entityColumns, readEntities } from "../../src/database/entity-rows";
import { Accommodation } from "../../src/modules/households/accommodation.entity";
import { Household } from "../../src/modules/households/household.entity";
import { Person } from "../../src/modules/households/person.entity";
import { Organisation } from "../../src/modules/organisations/organisation.entity";
import { type TestApp, startTestApp } from "../support/test-app";
import { type World, seedWorld } from "../support/world";

/** Instants with microseconds, on both sides of 1970 and of a second: pg's parser keeps the millisecond below. */
const INSTANTS = [
  ["1969-12-31 23:59:59.123999+00", "1969-12-31T23:59:59.123Z"],
  ["1950-06-01 12:00:00.000001+00", "1950-06-01T12:00:00.000Z"],
  ["2026-03-01 09:30:00.999999+00", "2026-03-01T09:30:00.999Z"],
  ["2026-03-01 09:30:00.0005+00", "2026-03-01T09:30:00.000Z"],
] as const;

describe("entities read from plain rows", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db.manager;
    await db.query(`UPDATE organisation SET created_at = $1, updated_at = $2 WHERE id = $3`, [INSTANTS[0][0], INSTANTS[2][0], world.organisations.gentCity]);
    await db.query(`UPDATE organisation SET created_at = $1, updated_at = $2 WHERE id = $3`, [INSTANTS[1][0], INSTANTS[3][0], world.organisations.gentNgo]);
    await db.query(
      `INSERT INTO accommodation (household_id, street_address, postal_code, municipality, available_from, available_until, monthly_rent_cents, landlord_kind)
       VALUES ($1, 'Korenmarkt 1', '9000', 'Gent', '2026-01-01', NULL, 65000, 'PRIVATE'), ($1, 'Veldstraat 2', '9000', 'Gent', '2026-02-01', '2027-03-01', NULL, 'PCSW')`,
      [world.households.gent],
    );
  });
  afterAll(() => t.close());

  it("are the entities TypeORM makes, instants to the millisecond, whatever the column types", async () => {
    const db = t.app.db;
    for (const entity of [Organisation, Household, Person, Accommodation] as const) {
      const query = () => db.manager.createQueryBuilder(entity as typeof Organisation, "e").orderBy("e.id");
      const plain = await readEntities(db, query());
      const typeorm = await query().getMany();
      expect(plain.length).toBeGreaterThan(0);
      expect(plain).toEqual(typeorm);
      plain.forEach((found) => expect(found).toBeInstanceOf(entity));
    }
  });

  it("keep the millisecond pg's own parser keeps, before 1970 too", async () => {
    const [city, ngo] = await readEntities(
      t.app.db,
      t.app.db.manager.createQueryBuilder(Organisation, "o").where("o.id IN (:...keys)", { keys: [world.organisations.gentCity, world.organisations.gentNgo] }).orderBy("o.created_at", "DESC"),
    );
    expect([city.createdAt.toISOString(), city.updatedAt.toISOString()]).toEqual([INSTANTS[0][1], INSTANTS[2][1]]);
    expect([ngo.createdAt.toISOString(), ngo.updatedAt.toISOString()]).toEqual([INSTANTS[1][1], INSTANTS[3][1]]);
  });

  it("come the same from a JSON object of the row, and none from a row an outer join left empty", async () => {
    const db = t.app.db;
    const homes = entityColumns(db, Accommodation);
    const [{ json }] = await db.manager.query(
      `SELECT json_agg(${homes.json("accommodation")} ORDER BY accommodation.available_from) AS json FROM accommodation WHERE household_id = $1`,
      [world.households.gent],
    );
    const typeorm = await db.manager.find(Accommodation, { where: { householdKey: world.households.gent }, order: { availableFrom: "ASC" } });
    expect(typeorm).toHaveLength(2);
    expect(homes.hydrate(json)).toEqual(typeorm);
    const [outer] = await db.manager.query(`SELECT ${homes.select("nothing", "home.")} FROM (SELECT 1) one LEFT JOIN accommodation nothing ON false`);
    expect(homes.from(outer, "home.")).toBeNull();
  });

  it("come with only the properties asked for and the key, from a statement that selects only their columns", async () => {
    const db = t.app.db;
    const organisations = entityColumns(db, Organisation);
    const named = organisations.only(["name", "noSuchProperty"]);
    expect(named.select("o")).toBe(`o.id AS "key", o.name AS "name"`);
    expect(organisations.only(["noSuchProperty", "name"])).toBe(named);
    expect(organisations.only(null)).toBe(organisations);
    const [row] = await db.manager.query(`SELECT ${named.select("o")} FROM organisation o WHERE o.id = $1`, [world.organisations.gentCity]);
    const [whole] = await readEntities(db, db.manager.createQueryBuilder(Organisation, "o").where("o.id = :key", { key: world.organisations.gentCity }));
    const partial = named.from(row)!;
    expect(partial).toBeInstanceOf(Organisation);
    expect({ ...partial }).toEqual({ key: whole.key, name: whole.name });
    expect(partial.id).toBe(whole.id);
  });
});
