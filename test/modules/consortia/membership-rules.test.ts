import fc from "fast-check";
import {
  MembershipRole,
  type MembershipRow,
  currentLead,
  foundingProblems,
  hasEndedBy,
  isMemberOn,
  planJoin,
  planLeave,
} from "../../../src/modules/consortia/membership-rules";

const { LEAD, MEMBER } = MembershipRole;
const row = (key: string, organisationKey: string, role: MembershipRole, joinedOn = "2025-01-01", leftOn: string | null = null): MembershipRow => ({
  key,
  organisationKey,
  role,
  joinedOn,
  leftOn,
});
const codes = (problems: Array<{ field: string[]; code: string }>) => problems.map((p) => `${p.field.join(".")}:${p.code}`);

describe("membership dates", () => {
  const m = row("m", "o", MEMBER, "2025-01-01", "2025-06-01");
  it("counts leftOn as the first day no longer a member", () => {
    expect(isMemberOn(m, "2024-12-31")).toBe(false);
    expect(isMemberOn(m, "2025-01-01")).toBe(true);
    expect(isMemberOn(m, "2025-05-31")).toBe(true);
    expect(isMemberOn(m, "2025-06-01")).toBe(false);
    expect(hasEndedBy(m, "2025-05-31")).toBe(false);
    expect(hasEndedBy(m, "2025-06-01")).toBe(true);
    expect(hasEndedBy(row("n", "o", MEMBER), "2999-01-01")).toBe(false);
  });
});

describe("founding members", () => {
  it("accepts one lead and distinct organisations", () => {
    expect(foundingProblems([{ organisationKey: "a", role: LEAD }, { organisationKey: "b", role: MEMBER }])).toEqual([]);
  });

  it("needs at least one member", () => {
    expect(codes(foundingProblems([]))).toEqual(["members:REQUIRED"]);
  });

  it("needs exactly one lead and each organisation once", () => {
    expect(codes(foundingProblems([{ organisationKey: "a", role: MEMBER }]))).toEqual(["members:LEAD_REQUIRED"]);
    expect(
      codes(
        foundingProblems([
          { organisationKey: "a", role: LEAD },
          { organisationKey: "b", role: LEAD },
          { organisationKey: "a", role: MEMBER },
        ]),
      ),
    ).toEqual(["members.1.role:ONE_LEAD_ONLY", "members.2.organisationId:ALREADY_A_MEMBER"]);
  });
});

describe("joining", () => {
  const members = [row("l", "lead", LEAD), row("m", "member", MEMBER), row("x", "former", MEMBER, "2025-01-01", "2025-06-01")];

  it("adds a member without touching the lead", () => {
    expect(planJoin(members, { organisationKey: "new", role: MEMBER, joinedOn: "2026-01-01" })).toEqual({ ok: true, demote: null });
  });

  it("demotes the current lead when a new lead joins", () => {
    expect(planJoin(members, { organisationKey: "new", role: LEAD, joinedOn: "2026-01-01" })).toEqual({ ok: true, demote: members[0] });
  });

  it("lets a former member rejoin from its leaving day, not before", () => {
    expect(planJoin(members, { organisationKey: "former", role: MEMBER, joinedOn: "2025-06-01" }).ok).toBe(true);
    const overlap = planJoin(members, { organisationKey: "former", role: MEMBER, joinedOn: "2025-05-31" });
    expect(overlap.ok ? [] : codes(overlap.problems)).toEqual(["organisationId:ALREADY_A_MEMBER"]);
  });

  it("refuses an organisation that is already a member", () => {
    const plan = planJoin(members, { organisationKey: "member", role: LEAD, joinedOn: "2026-01-01" });
    expect(plan.ok ? [] : codes(plan.problems)).toEqual(["organisationId:ALREADY_A_MEMBER"]);
  });
});

describe("leaving", () => {
  const members = [row("l", "lead", LEAD), row("m", "member", MEMBER), row("x", "former", MEMBER, "2025-01-01", "2025-06-01")];
  const problemsOf = (plan: ReturnType<typeof planLeave>) => (plan.ok ? [] : codes(plan.problems));

  it("ends a member's membership", () => {
    expect(planLeave(members, { membershipKey: "m", leftOn: "2026-01-01" })).toEqual({ ok: true, leaving: members[1], promote: null });
  });

  it("passes the lead to a named remaining member", () => {
    expect(planLeave(members, { membershipKey: "l", leftOn: "2026-01-01", newLeadOrganisationKey: "member" })).toEqual({
      ok: true,
      leaving: members[0],
      promote: members[1],
    });
  });

  it("refuses the lead leaving without a remaining member as successor", () => {
    expect(problemsOf(planLeave(members, { membershipKey: "l", leftOn: "2026-01-01" }))).toEqual(["newLeadOrganisationId:LEAD_REQUIRED"]);
    expect(problemsOf(planLeave(members, { membershipKey: "l", leftOn: "2026-01-01", newLeadOrganisationKey: "former" }))).toEqual([
      "newLeadOrganisationId:NOT_A_MEMBER",
    ]);
    expect(problemsOf(planLeave(members, { membershipKey: "l", leftOn: "2026-01-01", newLeadOrganisationKey: "lead" }))).toEqual([
      "newLeadOrganisationId:NOT_A_MEMBER",
    ]);
  });

  it("refuses a successor when a member leaves, an ended membership, and leaving before joining", () => {
    expect(problemsOf(planLeave(members, { membershipKey: "m", leftOn: "2026-01-01", newLeadOrganisationKey: "lead" }))).toEqual([
      "newLeadOrganisationId:INVALID",
    ]);
    expect(problemsOf(planLeave(members, { membershipKey: "x", leftOn: "2026-01-01" }))).toEqual(["membershipId:INVALID_STATE"]);
    expect(problemsOf(planLeave(members, { membershipKey: "m", leftOn: "2024-12-31" }))).toEqual(["leftOn:INVALID_DATE_RANGE"]);
  });
});

const organisations = ["a", "b", "c", "d", "e"];
const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const step = fc.oneof(
  fc.record({ kind: fc.constant("join" as const), organisationKey: fc.constantFrom(...organisations), role: fc.constantFrom(LEAD, MEMBER), joinedOn: day }),
  fc.record({
    kind: fc.constant("leave" as const),
    pick: fc.nat(),
    leftOn: day,
    // Half the time no successor; otherwise the organisation of any membership, current or not.
    successor: fc.option(fc.nat(), { freq: 2 }),
  }),
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
const seen = { joins: 0, leaves: 0, demotions: 0, promotions: 0 };

/** Applies a plan the way the service does: demote or close first, then insert or promote. */
function apply(rows: MembershipRow[], s: Step, serial: number): MembershipRow[] {
  if (s.kind === "join") {
    const plan = planJoin(rows, s);
    if (!plan.ok) return rows;
    seen.joins++;
    if (plan.demote) seen.demotions++;
    const demoted = rows.map((r) => (r === plan.demote ? { ...r, role: MEMBER } : r));
    return [...demoted, row(`k${serial}`, s.organisationKey, s.role, s.joinedOn)];
  }
  const open = rows.filter((r) => r.leftOn === null);
  const target = open[s.pick % open.length];
  const newLeadOrganisationKey = s.successor === null ? null : rows[s.successor % rows.length].organisationKey;
  const plan = planLeave(rows, { membershipKey: target.key, leftOn: s.leftOn, newLeadOrganisationKey });
  if (!plan.ok) return rows;
  seen.leaves++;
  if (plan.promote) seen.promotions++;
  return rows.map((r) => (r === plan.leaving ? { ...r, leftOn: s.leftOn } : r === plan.promote ? { ...r, role: LEAD } : r));
}

describe("consortium membership (property)", () => {
  it("always has exactly one open lead, each organisation at most once open, and no overlapping periods", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let rows = [row("k0", "a", LEAD)];
        steps.forEach((s, i) => {
          rows = apply(rows, s, i + 1);
          expect(rows.filter((r) => r.leftOn === null && r.role === LEAD)).toHaveLength(1);
          expect(currentLead(rows)).toBeDefined();
          for (const org of organisations) {
            const periods = rows.filter((r) => r.organisationKey === org).map((r) => [r.joinedOn, r.leftOn ?? "9999-12-31"]);
            for (const [i1, p] of periods.entries()) {
              for (const q of periods.slice(i1 + 1)) expect(p[1] <= q[0] || q[1] <= p[0]).toBe(true);
            }
          }
        });
      }),
      { numRuns: 1000 },
    );
    // The runs exercised every kind of change, lead hand-overs included.
    expect(Math.min(seen.joins, seen.leaves, seen.demotions, seen.promotions)).toBeGreaterThan(20);
  });
});
