import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateScalar } from "../../graphql/scalars";
import { OrganisationKind, Province } from "../organisations/organisation.entity";

@InputType({
  description:
    "Narrows every figure, row and list of the overview; conditions left out do not narrow. The period narrows households by their arrival date — or expected arrival date when not arrived yet — (with them their persons and tasks) and funding lines by their due date; capacity and agreements are not narrowed by it.",
})
export class ProgrammeOverviewFilter {
  @Field(() => DateScalar, { nullable: true, description: "First day of the period, inclusive." })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the period, inclusive; not before periodFrom." })
  periodTo?: string | null;

  @Field(() => [Province], {
    nullable: true,
    description: "Agreements whose consortium has a current member in one of these provinces; member rows and overdue tasks by member: organisations in them.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  provinces?: Province[] | null;

  @Field(() => [OrganisationKind], {
    nullable: true,
    description:
      "Agreements whose consortium has a current member of one of these kinds; member rows and overdue tasks by member: organisations of them. With provinces too, one member must match both.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [ID], { nullable: true, description: "Only these agreements. Ids of anything else, or outside the viewer's consortia, select nothing." })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  agreementIds?: string[] | null;
}

export enum AgreementOverviewOrderField {
  REFERENCE = "REFERENCE",
  CAPACITY = "CAPACITY",
  PERSONS_IN_ACCOMPANIMENT = "PERSONS_IN_ACCOMPANIMENT",
  OVERDUE_TASKS = "OVERDUE_TASKS",
  FUNDING_DUE = "FUNDING_DUE",
  OCCUPANCY = "OCCUPANCY",
}
registerEnumType(AgreementOverviewOrderField, {
  name: "AgreementOverviewOrderField",
  description: "Ties go by agreement reference. OCCUPANCY: persons in accompaniment and extended per place of capacity.",
});

@InputType({ description: "How agreement rows are ordered." })
export class AgreementOverviewOrder {
  @Field(() => AgreementOverviewOrderField)
  field: AgreementOverviewOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

export enum MemberOverviewOrderField {
  NAME = "NAME",
  OVERDUE_TASKS = "OVERDUE_TASKS",
  FUNDING_DUE = "FUNDING_DUE",
}
registerEnumType(MemberOverviewOrderField, { name: "MemberOverviewOrderField", description: "Ties go by organisation name." });

@InputType({ description: "How member rows are ordered." })
export class MemberOverviewOrder {
  @Field(() => MemberOverviewOrderField)
  field: MemberOverviewOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
