import { MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { ArrivalRoute } from "../households/household.entity";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType()
export class RegisterArrivalInput {
  @Field(() => ID, { description: "A PLANNED household of your consortium, under an ACTIVE agreement." })
  @MaxLength(200)
  householdId: string;

  @Field(() => DateScalar, { description: "The day the household arrived in Belgium; not in the future." })
  arrivedOn: string;

  @Field(() => ArrivalRoute)
  arrivalRoute: ArrivalRoute;

  @Field(() => DateScalar, {
    nullable: true,
    description: "VIA_RECEPTION: the day of the transfer from reception, when the accompaniment starts (required; between the arrival and today). DIRECT: leave out, it starts on arrival.",
  })
  accompanimentStartsOn?: string | null;

  @Field(() => Int, { description: "The household's version as you last read it." })
  @Min(1)
  expectedVersion: number;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class ExtendAccompanimentInput {
  @Field(() => ID, { description: "A household IN_ACCOMPANIMENT." })
  @MaxLength(200)
  householdId: string;

  @Field(() => Int, { description: "The household's version as you last read it." })
  @Min(1)
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "When the second year was granted: today when left out; not before the start of the accompaniment." })
  grantedOn?: string | null;
}
