import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { CooperationEventKind, KeyMoment } from "../tasks/task-enums";
import { DECISIONS_MAX, DECISION_MAX, SUMMARY_MAX, TITLE_MAX } from "./cooperation-rules";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType({
  description:
    "FEEDBACK, KEY_MOMENT_REPORT and MEETING are recorded by the consortium's members and by Fedasil; EVALUATION by Fedasil only.",
})
export class RecordCooperationEventInput {
  @Field(() => ID)
  @MaxLength(200)
  agreementId: string;

  @Field(() => CooperationEventKind)
  kind: CooperationEventKind;

  @Field(() => DateScalar, { description: "When it took place: today or earlier." })
  occurredOn: string;

  @Field({ description: `Trimmed, 1 to ${TITLE_MAX} characters.` })
  title: string;

  @Field(() => String, { nullable: true, description: `Minutes of a meeting, or the text of the feedback, report or evaluation; up to ${SUMMARY_MAX} characters.` })
  summary?: string | null;

  @Field(() => [String], { defaultValue: [], description: `Up to ${DECISIONS_MAX} decisions, each 1 to ${DECISION_MAX} characters.` })
  decisions: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: "Organisations that took part: current members of the consortium, or Fedasil. At least one for a MEETING.",
  })
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  participantOrganisationIds: string[];

  @Field(() => [ID], { defaultValue: [], description: "Households of this agreement the event is about. At least one for a KEY_MOMENT_REPORT." })
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  householdIds: string[];

  @Field(() => KeyMoment, {
    nullable: true,
    description: "Required for, and only for, a KEY_MOMENT_REPORT; the report completes each household's open task for that key moment.",
  })
  keyMoment?: KeyMoment | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class CooperationEventFilter {
  @Field(() => [CooperationEventKind], { nullable: true })
  kinds?: CooperationEventKind[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Took place on or after this day." })
  occurredFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Took place on or before this day." })
  occurredTo?: string | null;
}
