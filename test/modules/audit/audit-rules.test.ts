import fc from "fast-check";
import { getMetadataArgsStorage } from "typeorm";
import { ENTITIES } from "../../../src/app";
import { Role } from "../../../src/auth/roles";
import { toGlobalId } from "../../../src/graphql/global-id";
import { auditScope } from "../../../src/modules/audit/audit-access";
import { AuditEvent } from "../../../src/modules/audit/audit-event.entity";
import { referenceOf, shownSnapshot } from "../../../src/modules/audit/audit-snapshot";
import { IdempotencyRecord } from "../../../src/shared/idempotency-record.entity";

const viewer = (role: Role) => ({ userId: "u", role, organisationId: "o", consortiumIds: ["c1", "c2"] });
const KEY = "3f0b6a52-8d4c-4e0a-9f1e-2b7c5d9e8a10";
const OTHER = "9a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f";

describe("auditScope", () => {
  it("gives Fedasil admins every trail, partners their current consortia's, Fedasil staff and evaluators none", () => {
    expect(auditScope(viewer(Role.FEDASIL_ADMIN))).toEqual({ all: true });
    expect(auditScope(viewer(Role.PARTNER_COORDINATOR))).toEqual({ all: false, consortiumIds: ["c1", "c2"] });
    expect(auditScope(viewer(Role.PARTNER_STAFF))).toEqual({ all: false, consortiumIds: ["c1", "c2"] });
    expect(auditScope(viewer(Role.FEDASIL_STAFF))).toBeNull();
    expect(auditScope(viewer(Role.EVALUATOR))).toBeNull();
  });
});

describe("shownSnapshot", () => {
  it("shows the object's own key as its global id and every reference as a global id under an Id name", () => {
    const stored = {
      key: KEY,
      householdKey: OTHER,
      assigneeOrganisationKey: OTHER,
      doneByUserKey: null,
      correctsLineKey: OTHER,
      participantOrganisationKeys: [KEY, OTHER],
      sharedWith: [OTHER],
      status: "DONE",
      version: 3,
      definition: { dimensions: ["PROVINCE"] },
    };
    expect(shownSnapshot("Task", stored)).toEqual({
      id: toGlobalId("Task", KEY),
      householdId: toGlobalId("Household", OTHER),
      assigneeOrganisationId: toGlobalId("Organisation", OTHER),
      doneByUserId: null,
      correctsLineId: toGlobalId("FundingLine", OTHER),
      participantOrganisationIds: [toGlobalId("Organisation", KEY), toGlobalId("Organisation", OTHER)],
      sharedWith: [toGlobalId("User", OTHER)],
      status: "DONE",
      version: 3,
      definition: { dimensions: ["PROVINCE"] },
    });
  });

  it("never shows a database key, whatever the property is called", () => {
    const uuid = fc.uuid().map((u) => u.toLowerCase());
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 30 }), fc.oneof(uuid, fc.array(uuid, { maxLength: 3 }), fc.string(), fc.integer())), (stored) => {
        const keys = Object.values(stored).flat().filter((value) => typeof value === "string" && /^[0-9a-f-]{36}$/.test(value));
        const text = JSON.stringify(shownSnapshot("Household", stored));
        expect(keys.filter((key) => text.includes(`"${key}"`))).toEqual([]);
      }),
    );
  });

  it("knows where every reference column of the audited entities points (a new one needs a word in audit-snapshot.ts)", () => {
    const neverAudited = new Set<Function>([AuditEvent, IdempotencyRecord]);
    const audited = ENTITIES.filter((entity) => !neverAudited.has(entity));
    const references = getMetadataArgsStorage()
      .columns.filter((column) => audited.some((entity) => entity === column.target || (entity as Function).prototype instanceof (column.target as Function)))
      .filter((column) => column.options.type === "uuid" && column.propertyName !== "key")
      .map((column) => column.propertyName);
    expect(references.length).toBeGreaterThan(20);
    expect(references.filter((property) => referenceOf(property) === null)).toEqual([]);
    const entityNames = new Set(ENTITIES.map((entity) => (entity as Function).name));
    expect(references.filter((property) => !entityNames.has(referenceOf(property)!.typeName))).toEqual([]);
  });
});
