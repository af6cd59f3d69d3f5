import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateTimeScalar } from "../../graphql/scalars";

@InputType({ description: "Every condition given must hold." })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "The trail of one object: its global ID (also of one since removed)." })
  @IsOptional()
  @MaxLength(200)
  subjectId?: string | null;

  @Field(() => [String], { nullable: true, description: "Events of these mutations, e.g. [\"assignTask\", \"updateTaskStatus\"]." })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  actions?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Events at or after this instant." })
  occurredFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Events at or before this instant." })
  occurredTo?: Date | null;
}

export enum AuditEventOrderField {
  OCCURRED_AT = "OCCURRED_AT",
}
registerEnumType(AuditEventOrderField, { name: "AuditEventOrderField", description: "The events of one change, which share their instant, follow the order they were written in." });

@InputType()
export class AuditEventOrder {
  @Field(() => AuditEventOrderField, { defaultValue: AuditEventOrderField.OCCURRED_AT })
  field: AuditEventOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: "Newest first unless ASC." })
  direction: OrderDirection;
}
