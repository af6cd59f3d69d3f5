import fc from "fast-check";
import { type AgreementState, activation, ending, termsProblems } from "../../../src/modules/agreements/agreement-rules";
import { AgreementStatus } from "../../../src/modules/agreements/agreement-status";
import { addDays } from "../../../src/shared/calendar";

const TODAY = "2026-06-15";
const draft = (overrides: Partial<AgreementState> = {}): AgreementState => ({
  status: AgreementStatus.DRAFT,
  signedOn: null,
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  endedOn: null,
  endReason: null,
  ...overrides,
});
const active = (overrides: Partial<AgreementState> = {}) => draft({ status: AgreementStatus.ACTIVE, signedOn: "2025-12-01", ...overrides });
const codes = (ruling: ReturnType<typeof activation>) => (ruling.ok ? [] : ruling.problems.map((p) => `${p.field.join(".")}:${p.code}`));

describe("agreement terms", () => {
  it("accepts a period that ends after it starts and a signature not in the future", () => {
    expect(termsProblems({ signedOn: TODAY, startsOn: "2026-01-01", endsOn: "2026-01-02" }, TODAY)).toEqual([]);
  });

  it("refuses an empty or reversed period and a signature after today", () => {
    const problems = termsProblems({ signedOn: addDays(TODAY, 1), startsOn: "2026-01-01", endsOn: "2026-01-01" }, TODAY);
    expect(problems.map((p) => `${p.field.join(".")}:${p.code}`)).toEqual(["endsOn:INVALID_DATE_RANGE", "signedOn:INVALID_DATE_RANGE"]);
  });
});

describe("activation", () => {
  it("activates a draft signed earlier or signed now", () => {
    expect(activation(draft({ signedOn: "2025-11-30" }), undefined, TODAY)).toEqual({ ok: true, changes: { status: AgreementStatus.ACTIVE, signedOn: "2025-11-30" } });
    expect(activation(draft(), "2026-06-01", TODAY)).toEqual({ ok: true, changes: { status: AgreementStatus.ACTIVE, signedOn: "2026-06-01" } });
  });

  it("needs a signature, not in the future", () => {
    expect(codes(activation(draft(), null, TODAY))).toEqual(["signedOn:REQUIRED"]);
    expect(codes(activation(draft(), addDays(TODAY, 1), TODAY))).toEqual(["signedOn:INVALID_DATE_RANGE"]);
  });

  it.each([AgreementStatus.ACTIVE, AgreementStatus.ENDED, AgreementStatus.TERMINATED])("refuses a %s agreement", (status) => {
    expect(codes(activation(draft({ status, signedOn: "2025-12-01" }), undefined, TODAY))).toEqual(["agreementId:INVALID_STATE"]);
  });
});

describe("ending", () => {
  const past = active({ startsOn: "2025-01-01", endsOn: "2025-12-31" });

  it("ends an agreement on or after its term", () => {
    expect(ending(past, { endedOn: "2025-12-31", terminated: false }, TODAY)).toEqual({
      ok: true,
      changes: { status: AgreementStatus.ENDED, endedOn: "2025-12-31", endReason: null },
    });
  });

  it("terminates an agreement before its term, with a reason", () => {
    expect(ending(active(), { endedOn: "2026-03-01", terminated: true, reason: "  Partner withdrew " }, TODAY)).toEqual({
      ok: true,
      changes: { status: AgreementStatus.TERMINATED, endedOn: "2026-03-01", endReason: "Partner withdrew" },
    });
  });

  it("refuses to end early, to terminate at or after the term, or without a reason", () => {
    expect(codes(ending(active(), { endedOn: "2026-03-01", terminated: false }, TODAY))).toEqual(["endedOn:INVALID_DATE_RANGE"]);
    expect(codes(ending(past, { endedOn: "2025-12-31", terminated: true, reason: "x" }, TODAY))).toEqual(["endedOn:INVALID_DATE_RANGE"]);
    expect(codes(ending(active(), { endedOn: "2026-03-01", terminated: true, reason: " " }, TODAY))).toEqual(["reason:REQUIRED"]);
  });

  it("refuses an end before the signature or after today", () => {
    expect(codes(ending(active(), { endedOn: "2025-11-30", terminated: true, reason: "x" }, TODAY))).toEqual(["endedOn:INVALID_DATE_RANGE"]);
    expect(codes(ending(active(), { endedOn: addDays(TODAY, 1), terminated: true, reason: "x" }, TODAY))).toEqual(["endedOn:INVALID_DATE_RANGE"]);
  });

  it.each([AgreementStatus.DRAFT, AgreementStatus.ENDED, AgreementStatus.TERMINATED])("refuses a %s agreement", (status) => {
    expect(codes(ending(active({ status }), { endedOn: "2026-03-01", terminated: true, reason: "x" }, TODAY))).toEqual(["agreementId:INVALID_STATE"]);
  });
});

/** Any day within two years of the base, as the rules see days. */
const day = fc.integer({ min: -730, max: 730 }).map((offset) => addDays("2026-01-01", offset));

const command = fc.oneof(
  fc.record({ kind: fc.constant("activate" as const), signedOn: fc.option(day), today: day }),
  fc.record({ kind: fc.constant("end" as const), endedOn: day, terminated: fc.boolean(), reason: fc.option(fc.constantFrom("", " ", "moved away")), today: day }),
);

/** What must hold of every agreement the rules let through. */
function expectLegal(state: AgreementState): void {
  expect(state.startsOn < state.endsOn).toBe(true);
  switch (state.status) {
    case AgreementStatus.DRAFT:
      expect(state.endedOn).toBeNull();
      break;
    case AgreementStatus.ACTIVE:
      expect(state.signedOn).not.toBeNull();
      expect(state.endedOn).toBeNull();
      break;
    case AgreementStatus.ENDED:
      expect(state.endedOn! >= state.endsOn && state.endedOn! >= state.signedOn!).toBe(true);
      break;
    case AgreementStatus.TERMINATED:
      expect(state.endedOn! < state.endsOn && state.endedOn! >= state.signedOn!).toBe(true);
      expect(state.endReason?.trim()).toBeTruthy();
      break;
  }
}

describe("agreement life (property)", () => {
  it("no sequence of activations and ends leaves an agreement in an illegal state", () => {
    const reached = new Set<AgreementStatus>();
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 800 }), fc.array(command, { maxLength: 12 }), (startsOn, length, commands) => {
        let state = draft({ startsOn, endsOn: addDays(startsOn, length) });
        for (const c of commands) {
          const ruling = c.kind === "activate" ? activation(state, c.signedOn, c.today) : ending(state, c, c.today);
          if (!ruling.ok) continue;
          const before = state.status;
          state = { ...state, ...ruling.changes };
          expect(before).not.toBe(state.status);
          expectLegal(state);
          reached.add(state.status);
        }
      }),
      { numRuns: 500 },
    );
    // The runs went all the way: every status was reached and checked.
    expect([...reached].sort()).toEqual([AgreementStatus.ACTIVE, AgreementStatus.ENDED, AgreementStatus.TERMINATED]);
  });
});
