import { registerEnumType } from "type-graphql";
import { CooperationEventKind, DueAnchor, HandoverStatus, KeyMoment, TaskCategory, TaskEventKind, TaskStatus } from "./task-vocabulary";

registerEnumType(TaskCategory, { name: "TaskCategory" });
registerEnumType(TaskStatus, {
  name: "TaskStatus",
  description: "NOT_APPLICABLE and BLOCKED need a reason; DONE records who and when.",
});
registerEnumType(KeyMoment, { name: "KeyMoment", description: "The moments a key-moment report is due: arrival, 3 and 6 months, end." });
registerEnumType(DueAnchor, { name: "DueAnchor" });
registerEnumType(TaskEventKind, { name: "TaskEventKind" });
registerEnumType(HandoverStatus, { name: "HandoverStatus" });
registerEnumType(CooperationEventKind, {
  name: "CooperationEventKind",
  description: "EVALUATION moments are held by Fedasil.",
});

export { CooperationEventKind, DueAnchor, HandoverStatus, KeyMoment, TaskCategory, TaskEventKind, TaskStatus };
