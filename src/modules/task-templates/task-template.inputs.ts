import { IsOptional, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DueAnchor, KeyMoment, TaskCategory } from "../tasks/task-enums";
import { TranslatedTextInput } from "./translated-text";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType()
export class CreateTaskTemplateInput {
  @Field({ description: "Stable code, unique: upper-case words joined by underscores, e.g. REGISTER_AT_COMMUNE." })
  @MaxLength(64)
  code: string;

  @Field(() => TaskCategory, { description: "Decides, through the agreement's responsibility matrix, which member gets the task." })
  category: TaskCategory;

  @Field(() => TranslatedTextInput)
  @ValidateNested()
  titles: TranslatedTextInput;

  @Field(() => DueAnchor, { defaultValue: DueAnchor.ACCOMPANIMENT_START })
  dueAnchor: DueAnchor;

  @Field(() => Int, { defaultValue: 0, description: "Months from the anchor, -24 to 24 (negative: before it)." })
  @Min(-24)
  @Max(24)
  dueOffsetMonths: number;

  @Field(() => Int, { defaultValue: 0, description: "Days added after the months, -366 to 366." })
  @Min(-366)
  @Max(366)
  dueOffsetDays: number;

  @Field({ defaultValue: false, description: "One task per child of compulsory school age (5 to 17 on the start of accompaniment)." })
  perSchoolAgeChild: boolean;

  @Field(() => KeyMoment, { nullable: true, description: "For a COOPERATION template whose task a key-moment report completes." })
  keyMoment?: KeyMoment | null;

  @Field(() => Int, { nullable: true, description: "Place in the path; after the last template when left out." })
  @IsOptional()
  @Min(0)
  @Max(1000000)
  sortOrder?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class RetireTaskTemplateInput {
  @Field(() => ID)
  @MaxLength(200)
  templateId: string;

  @Field(() => Int, { description: "The template's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}
