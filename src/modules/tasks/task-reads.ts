import type { GraphQLResolveInfo } from "graphql";
import { type FieldNeeds, propertiesRead } from "../../graphql/projection";
import { nodeFieldNames, oncePerSelection } from "../../graphql/selection";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { ORGANISATION_FIELD_NEEDS, Organisation } from "../organisations/organisation.entity";
import type { TaskReads, TaskRelation } from "./task-rows";
import { Task } from "./task.entity";

/**
 * What Task's field resolvers read of a task in a list. The title's other parts (template,
 * child) always come along with the task (task-rows.ts); relations come along or by their key.
 */
const TASK_FIELD_NEEDS: FieldNeeds = {
  title: ["customTitle"],
  isOverdue: ["status", "dueOn"],
  household: ["householdKey"],
  agreement: ["agreementKey"],
  person: ["personKey"],
  assigneeOrganisation: ["assigneeOrganisationKey"],
  assigneeUser: ["assigneeUserKey"],
  doneBy: ["doneByUserKey"],
  history: [],
  comments: [],
  handovers: [],
};

const ALONG: ReadonlyArray<{ relation: TaskRelation; entity: Function; needs?: FieldNeeds }> = [
  { relation: "household", entity: Household },
  { relation: "agreement", entity: Agreement },
  { relation: "assigneeOrganisation", entity: Organisation, needs: ORGANISATION_FIELD_NEEDS },
];

/** What a task list's nodes select of the tasks and of the relations read along with them. */
export const taskReads = oncePerSelection((info: GraphQLResolveInfo): TaskReads => {
  const fields = nodeFieldNames(info);
  const along: TaskReads["along"] = {};
  for (const { relation, entity, needs } of ALONG) {
    if (fields.includes(relation)) along[relation] = propertiesRead(info.schema, entity, nodeFieldNames(info, [relation]), needs);
  }
  // A relation read along needs no key of the task's: its resolver answers with what came along.
  const ownFields = fields.filter((field) => !Object.hasOwn(along, field));
  return { task: propertiesRead(info.schema, Task, ownFields, TASK_FIELD_NEEDS), along };
});
