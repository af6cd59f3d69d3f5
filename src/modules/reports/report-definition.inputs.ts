import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, ValidateNested } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { HouseholdStatus } from "../households/household-status";
import { ArrivalRoute } from "../households/household.entity";
import { OrganisationKind, Province } from "../organisations/organisation.entity";
import { TaskCategory, TaskStatus } from "../tasks/task-enums";
import { ReportDimension, ReportMeasure } from "./report-vocabulary";

/** Every condition given must hold; a list narrows to its values. Task conditions go only with task measures. */
@InputType({ description: "Every condition given must hold; a list narrows to its values. Task conditions go only with task measures." })
@ObjectType("ReportFilterValues", { simpleResolvers: true, description: "The conditions of a saved report's filter, as given." })
export class ReportFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  agreementIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Organisations, attributed as for the ORGANISATION dimension." })
  @IsOptional()
  @ArrayMaxSize(100)
  organisationIds?: string[] | null;

  @Field(() => [OrganisationKind], { nullable: true })
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [Province], { nullable: true })
  provinces?: Province[] | null;

  @Field(() => [ArrivalRoute], { nullable: true })
  arrivalRoutes?: ArrivalRoute[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Households that arrived on or after this day." })
  arrivedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Households that arrived on or before this day." })
  arrivedTo?: string | null;

  @Field(() => [HouseholdStatus], { nullable: true })
  householdStatuses?: HouseholdStatus[] | null;

  @Field(() => [TaskCategory], { nullable: true })
  taskCategories?: TaskCategory[] | null;

  @Field(() => [TaskStatus], { nullable: true })
  taskStatuses?: TaskStatus[] | null;
}

/** A report: rows per combination of the dimensions' values, one column per measure. */
@InputType({ description: "A report: one row per combination of the dimensions' values, one column per measure, over what the filter keeps." })
@ObjectType("ReportDefinition", { simpleResolvers: true, description: "What a saved report asks: its dimensions, measures and filter." })
export class ReportDefinitionInput {
  @Field(() => [ReportDimension], { description: "At most 4, each once; none gives the totals only." })
  @ArrayMaxSize(4)
  @ArrayUnique()
  dimensions: ReportDimension[];

  @Field(() => [ReportMeasure], { description: "At least one, each once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ArrayUnique()
  measures: ReportMeasure[];

  @Field(() => ReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ReportFilter | null;
}
