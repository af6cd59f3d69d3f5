import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: "Up to 100 objects after `after`." })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Up to 100 objects before `before`." })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}
