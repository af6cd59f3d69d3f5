import { ArrayMaxSize, IsOptional, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateScalar } from "../../graphql/scalars";
import { TaskCategory, TaskStatus } from "./task-enums";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType({ description: "Every condition given must hold; booleans left out do not filter, false asks for the opposite." })
export class TaskFilter {
  @Field(() => Boolean, { nullable: true, description: "\"My work\": tasks assigned to your organisation (false: to other members)." })
  assignedToMyOrganisation?: boolean | null;

  @Field(() => [ID], { nullable: true, description: "Tasks assigned to any of these organisations." })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  assigneeOrganisationIds?: string[] | null;

  @Field(() => [TaskStatus], { nullable: true })
  statuses?: TaskStatus[] | null;

  @Field(() => [TaskCategory], { nullable: true })
  categories?: TaskCategory[] | null;

  @Field(() => Boolean, { nullable: true, description: "Open tasks due before today (Europe/Brussels)." })
  overdue?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: "Due before this day." })
  dueBefore?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Due after this day." })
  dueAfter?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  householdId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  agreementId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Open tasks whose assignee is no longer a current member of the consortium: a coordinator reassigns them.",
  })
  awaitingReassignment?: boolean | null;
}

export enum TaskOrderField {
  DUE_ON = "DUE_ON",
  CREATED_AT = "CREATED_AT",
  STATUS = "STATUS",
}
registerEnumType(TaskOrderField, {
  name: "TaskOrderField",
  description: "STATUS follows the workflow (OPEN, IN_PROGRESS, BLOCKED, DONE, CANCELLED, NOT_APPLICABLE), then the due date; ties go by id.",
});

@InputType()
export class TaskOrder {
  @Field(() => TaskOrderField)
  field: TaskOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

@InputType()
export class AssignTaskInput {
  @Field(() => ID)
  @MaxLength(200)
  taskId: string;

  @Field(() => ID, { description: "A current member of the task's consortium." })
  @MaxLength(200)
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "Narrows the task to one user of that organisation; null leaves it to the whole organisation." })
  @IsOptional()
  @MaxLength(200)
  userId?: string | null;

  @Field(() => Int, { description: "The task's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class UpdateTaskStatusInput {
  @Field(() => ID)
  @MaxLength(200)
  taskId: string;

  @Field(() => TaskStatus)
  status: TaskStatus;

  @Field(() => String, { nullable: true, description: "Needed for BLOCKED and NOT_APPLICABLE and to reopen closed work." })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => Int, { description: "The task's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class CommentOnTaskInput {
  @Field(() => ID)
  @MaxLength(200)
  taskId: string;

  @Field({ description: "1 to 4000 characters." })
  @MaxLength(4000)
  body: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
