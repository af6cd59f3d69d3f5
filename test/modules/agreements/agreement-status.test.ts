import fc from "fast-check";
import { AgreementEvent, AgreementStatus, isFinal, nextStatus } from "../../../src/modules/agreements/agreement-status";

const { DRAFT, ACTIVE, ENDED, TERMINATED } = AgreementStatus;
const { ACTIVATE, END, TERMINATE } = AgreementEvent;

describe("agreement status machine", () => {
  it.each([
    [DRAFT, ACTIVATE, ACTIVE],
    [ACTIVE, END, ENDED],
    [ACTIVE, TERMINATE, TERMINATED],
  ])("%s --%s--> %s", (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it.each([
    [DRAFT, END],
    [DRAFT, TERMINATE],
    [ACTIVE, ACTIVATE],
    [ENDED, ACTIVATE],
    [ENDED, END],
    [ENDED, TERMINATE],
    [TERMINATED, ACTIVATE],
    [TERMINATED, END],
    [TERMINATED, TERMINATE],
  ])("refuses %s --%s-->", (from, event) => {
    expect(nextStatus(from, event)).toBeNull();
  });

  it("calls only ENDED and TERMINATED final", () => {
    expect(Object.values(AgreementStatus).filter(isFinal)).toEqual([ENDED, TERMINATED]);
  });

  it("never reaches an illegal state, whatever events arrive in whatever order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.values(AgreementEvent)), { maxLength: 30 }), (events) => {
        let status: AgreementStatus = DRAFT;
        const path: AgreementStatus[] = [status];
        for (const event of events) {
          const next = nextStatus(status, event);
          if (next === null) continue;
          expect(isFinal(status)).toBe(false);
          status = next;
          path.push(status);
        }
        // Every history is DRAFT, then maybe ACTIVE, then maybe one final status: nothing else.
        expect([[DRAFT], [DRAFT, ACTIVE], [DRAFT, ACTIVE, ENDED], [DRAFT, ACTIVE, TERMINATED]]).toContainEqual(path);
      }),
    );
  });
});
