import fc from "fast-check";
import {
  DECISIONS_MAX,
  type EventRequest,
  eventProblems,
  householdProblems,
  participantProblems,
  tidyText,
} from "../../../src/modules/cooperation/cooperation-rules";
import { CooperationEventKind, KeyMoment } from "../../../src/modules/tasks/task-vocabulary";

const { FEEDBACK, KEY_MOMENT_REPORT, MEETING, EVALUATION } = CooperationEventKind;
const TODAY = "2026-06-15";
const codes = (problems: Array<{ field: string[]; code: string }>) => problems.map((p) => `${p.field.join(".")}:${p.code}`);

const request = (changes: Partial<EventRequest> = {}): EventRequest => ({
  kind: FEEDBACK,
  occurredOn: TODAY,
  title: "Feedback on the first month",
  decisions: [],
  participantOrganisationIds: [],
  householdIds: [],
  ...changes,
});

describe("the event itself", () => {
  it("accepts each kind with what it needs", () => {
    expect(eventProblems(request(), TODAY)).toEqual([]);
    expect(eventProblems(request({ kind: EVALUATION, summary: "Going well", decisions: ["Continue"] }), TODAY)).toEqual([]);
    expect(eventProblems(request({ kind: MEETING, participantOrganisationIds: ["a"] }), TODAY)).toEqual([]);
    expect(eventProblems(request({ kind: KEY_MOMENT_REPORT, keyMoment: KeyMoment.MONTH_3, householdIds: ["h"] }), TODAY)).toEqual([]);
  });

  it("needs a key moment for a key-moment report and only there, with at least one household", () => {
    expect(codes(eventProblems(request({ kind: KEY_MOMENT_REPORT }), TODAY))).toEqual(["keyMoment:REQUIRED", "householdIds:REQUIRED"]);
    for (const kind of [FEEDBACK, MEETING, EVALUATION]) {
      const problems = eventProblems(request({ kind, keyMoment: KeyMoment.END, participantOrganisationIds: ["a"] }), TODAY);
      expect(codes(problems)).toEqual(["keyMoment:INVALID"]);
    }
  });

  it("needs participants for a meeting only", () => {
    expect(codes(eventProblems(request({ kind: MEETING }), TODAY))).toEqual(["participantOrganisationIds:REQUIRED"]);
    expect(eventProblems(request({ kind: EVALUATION }), TODAY)).toEqual([]);
  });

  it("refuses an event after today and accepts any day up to it", () => {
    expect(codes(eventProblems(request({ occurredOn: "2026-06-16" }), TODAY))).toEqual(["occurredOn:INVALID"]);
    expect(eventProblems(request({ occurredOn: "2019-01-01" }), TODAY)).toEqual([]);
  });

  it("wants a title of 1 to 200 characters once trimmed", () => {
    expect(codes(eventProblems(request({ title: "   " }), TODAY))).toEqual(["title:REQUIRED"]);
    expect(eventProblems(request({ title: ` ${"t".repeat(200)} ` }), TODAY)).toEqual([]);
    expect(codes(eventProblems(request({ title: "t".repeat(201) }), TODAY))).toEqual(["title:TOO_LONG"]);
  });

  it("wants each decision 1 to 1000 characters and at most 50 of them", () => {
    expect(codes(eventProblems(request({ decisions: ["ok", " ", "d".repeat(1001)] }), TODAY))).toEqual(["decisions.1:REQUIRED", "decisions.2:TOO_LONG"]);
    expect(eventProblems(request({ decisions: Array(DECISIONS_MAX).fill("d".repeat(1000)) }), TODAY)).toEqual([]);
    expect(codes(eventProblems(request({ decisions: Array(DECISIONS_MAX + 1).fill("d") }), TODAY))).toEqual(["decisions:TOO_LONG"]);
  });

  it("limits the summary and stores texts trimmed, a blank summary as none", () => {
    expect(codes(eventProblems(request({ summary: "s".repeat(10001) }), TODAY))).toEqual(["summary:TOO_LONG"]);
    expect(tidyText({ title: " T ", summary: "  ", decisions: [" a ", "b"] })).toEqual({ title: "T", summary: null, decisions: ["a", "b"] });
    expect(tidyText({ title: "T", summary: " minutes ", decisions: [] }).summary).toBe("minutes");
  });

  it("finds a key-moment problem exactly when the kind and the key moment disagree", () => {
    const kinds = fc.constantFrom(...Object.values(CooperationEventKind));
    const moments = fc.option(fc.constantFrom(...Object.values(KeyMoment)), { nil: null });
    fc.assert(
      fc.property(kinds, moments, (kind, keyMoment) => {
        const problems = eventProblems(request({ kind, keyMoment, householdIds: ["h"], participantOrganisationIds: ["a"] }), TODAY);
        const disagree = (kind === KEY_MOMENT_REPORT) !== (keyMoment !== null);
        return problems.some((p) => p.field[0] === "keyMoment") === disagree && problems.length === (disagree ? 1 : 0);
      }),
    );
  });
});

describe("participants and households", () => {
  it("accepts current members and Fedasil, names each other organisation at its position", () => {
    expect(participantProblems(["MEMBER", "FEDASIL"])).toEqual([]);
    expect(codes(participantProblems(["MEMBER", "UNKNOWN", "OUTSIDER"]))).toEqual([
      "participantOrganisationIds.1:UNKNOWN_REFERENCE",
      "participantOrganisationIds.2:NOT_A_MEMBER",
    ]);
  });

  it("accepts the agreement's households; another agreement's is invalid, an unseen one unknown", () => {
    expect(householdProblems(["OF_AGREEMENT", "OF_AGREEMENT"])).toEqual([]);
    expect(codes(householdProblems(["UNKNOWN", "OF_AGREEMENT", "OTHER_AGREEMENT"]))).toEqual([
      "householdIds.0:UNKNOWN_REFERENCE",
      "householdIds.2:INVALID",
    ]);
  });
});
