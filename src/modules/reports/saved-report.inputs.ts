import { ArrayMaxSize, IsOptional, Length, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";
import { ReportDefinitionInput } from "./report-definition.inputs";

@InputType({ description: "Without reportId, saves a new report (name and definition required); with it, renames or redefines that report." })
export class SaveReportInput {
  @Field(() => ID, { nullable: true, description: "The saved report to change; only its owner may." })
  @IsOptional()
  @MaxLength(200)
  reportId?: string | null;

  @Field(() => Int, { nullable: true, description: "Required with reportId: the version you last read." })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "1 to 200 characters, unique among your reports." })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => ReportDefinitionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  definition?: ReportDefinitionInput | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: "Shares a report with exactly these users (an empty list shares it with nobody)." })
export class ShareReportInput {
  @Field(() => ID)
  @MaxLength(200)
  reportId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => [ID], { description: "Evaluators and Fedasil users; at most 50." })
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  userIds: string[];
}

@InputType()
export class DeleteReportInput {
  @Field(() => ID)
  @MaxLength(200)
  reportId: string;

  @Field(() => Int)
  expectedVersion: number;
}
