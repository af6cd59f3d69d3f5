import type { Database } from "../../src/database/database";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";

/** Token subjects of the fixture users, one per role and consortium. */
export const USERS = {
  fedasilAdmin: "fedasil-admin",
  fedasilStaff: "fedasil-staff",
  evaluator: "evaluator",
  gentCoordinator: "gent-coordinator",
  gentStaff: "gent-pcsw-staff",
  gentNgoStaff: "gent-ngo-staff",
  liegeCoordinator: "liege-coordinator",
  liegeStaff: "liege-staff",
} as const;

export interface World {
  organisations: Record<"fedasil" | "evaluators" | "gentCity" | "gentPcsw" | "gentNgo" | "liegePcsw" | "liegeNgo", string>;
  consortia: Record<"gent" | "liege", string>;
  agreements: Record<"gent" | "liege", string>;
  households: Record<"gent" | "liege", string>;
  users: Record<keyof typeof USERS, string>;
}

let serial = 10000000;
const enterpriseNumber = () => withCheckDigits(String(serial++).padStart(8, "0"));

async function insert(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const [{ id }] = await db.manager.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

/**
 * Two consortia side by side (Gent: city + PCSW + NGO; Liège: PCSW + NGO), Fedasil and an
 * evaluator, one user per role, an agreement and a household each. Written straight to the
 * database: the fixtures stand outside what the tests exercise.
 */
export async function seedWorld(db: Database): Promise<World> {
  const org = (kind: string, name: string, postalCode: string, municipality: string, province: string) =>
    insert(db, "organisation", { kind, name, enterprise_number: enterpriseNumber(), postal_code: postalCode, municipality, province });
  const organisations = {
    fedasil: await org("FEDASIL", "Fedasil", "1000", "Brussel", "BRUSSELS_CAPITAL"),
    evaluators: await org("EVALUATOR", "Evaluatiebureau", "3000", "Leuven", "FLEMISH_BRABANT"),
    gentCity: await org("CITY", "Stad Gent", "9000", "Gent", "EAST_FLANDERS"),
    gentPcsw: await org("PCSW", "OCMW Gent", "9000", "Gent", "EAST_FLANDERS"),
    gentNgo: await org("NGO", "Vluchtelingenwerk Gent", "9000", "Gent", "EAST_FLANDERS"),
    liegePcsw: await org("PCSW", "CPAS de Liège", "4000", "Liège", "LIEGE"),
    liegeNgo: await org("NGO", "Caritas Liège", "4000", "Liège", "LIEGE"),
  };
  const user = (subject: string, role: string, organisationId: string) =>
    insert(db, "app_user", { subject, display_name: subject, role, organisation_id: organisationId });
  const users = {
    fedasilAdmin: await user(USERS.fedasilAdmin, "FEDASIL_ADMIN", organisations.fedasil),
    fedasilStaff: await user(USERS.fedasilStaff, "FEDASIL_STAFF", organisations.fedasil),
    evaluator: await user(USERS.evaluator, "EVALUATOR", organisations.evaluators),
    gentCoordinator: await user(USERS.gentCoordinator, "PARTNER_COORDINATOR", organisations.gentCity),
    gentStaff: await user(USERS.gentStaff, "PARTNER_STAFF", organisations.gentPcsw),
    gentNgoStaff: await user(USERS.gentNgoStaff, "PARTNER_STAFF", organisations.gentNgo),
    liegeCoordinator: await user(USERS.liegeCoordinator, "PARTNER_COORDINATOR", organisations.liegePcsw),
    liegeStaff: await user(USERS.liegeStaff, "PARTNER_STAFF", organisations.liegeNgo),
  };
  const consortia = {
    gent: await insert(db, "consortium", { name: "Consortium Gent" }),
    liege: await insert(db, "consortium", { name: "Consortium Liège" }),
  };
  const member = (consortium: string, organisation: string, role: string) =>
    insert(db, "consortium_membership", { consortium_id: consortium, organisation_id: organisation, role, joined_on: "2025-01-01" });
  await member(consortia.gent, organisations.gentCity, "LEAD");
  await member(consortia.gent, organisations.gentPcsw, "MEMBER");
  await member(consortia.gent, organisations.gentNgo, "MEMBER");
  await member(consortia.liege, organisations.liegePcsw, "LEAD");
  await member(consortia.liege, organisations.liegeNgo, "MEMBER");
  const agreement = (consortium: string, reference: string) =>
    insert(db, "agreement", {
      consortium_id: consortium,
      reference,
      status: "ACTIVE",
      signed_on: "2025-01-15",
      starts_on: "2025-02-01",
      ends_on: "2027-01-31",
      capacity: 40,
      fedasil_contact_id: users.fedasilStaff,
    });
  const agreements = { gent: await agreement(consortia.gent, "RES-2025-GENT"), liege: await agreement(consortia.liege, "RES-2025-LIEGE") };
  const household = async (agreementId: string, reference: string, family: string) => {
    const id = await insert(db, "household", { agreement_id: agreementId, reference, arrival_route: "DIRECT", expected_arrival_on: "2026-03-01" });
    await insert(db, "person", { household_id: id, given_name: "Amina", family_name: family, birth_date: "1990-04-02", sex: "FEMALE", relationship: "HEAD" });
    await insert(db, "person", { household_id: id, given_name: "Omar", family_name: family, birth_date: "2015-09-12", sex: "MALE", relationship: "CHILD" });
    return id;
  };
  const households = { gent: await household(agreements.gent, "HH-GENT-1", "Haddad"), liege: await household(agreements.liege, "HH-LIEGE-1", "Nasser") };
  return { organisations, consortia, agreements, households, users };
}
