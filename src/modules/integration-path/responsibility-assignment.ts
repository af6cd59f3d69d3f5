import { Field, Int, ObjectType } from "type-graphql";
import { TaskCategory } from "../tasks/task-enums";

@ObjectType({ simpleResolvers: true, description: "Which member of the consortium gets the tasks of a category when a household's path is planned." })
export class ResponsibilityAssignment {
  @Field(() => TaskCategory)
  category: TaskCategory;

  organisationKey: string;

  @Field({
    description:
      "True while the category follows the default (administration: the city or municipality; income: the PCSW; the rest: the lead); false for a coordinator's choice.",
  })
  isDefault: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Version of the coordinator's stored choice for this category (also one no longer applied because its organisation left); null when none was made. Pass it as expectedVersion to change the choice.",
  })
  version: number | null;
}
