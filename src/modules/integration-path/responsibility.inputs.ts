import { IsOptional, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { TaskCategory } from "../tasks/task-enums";

@InputType()
export class SetResponsibilityInput {
  @Field(() => ID, { description: "A DRAFT or ACTIVE agreement of your consortium." })
  @MaxLength(200)
  agreementId: string;

  @Field(() => TaskCategory)
  category: TaskCategory;

  @Field(() => ID, { description: "A current member of the agreement's consortium." })
  @MaxLength(200)
  organisationId: string;

  @Field(() => Int, {
    nullable: true,
    description: "The version of the category's stored choice as you last read it (ResponsibilityAssignment.version); leave out while it has none.",
  })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;
}
