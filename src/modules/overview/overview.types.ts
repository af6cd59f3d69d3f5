import { Field, Float, Int, ObjectType } from "type-graphql";
import { Money } from "../../graphql/money";
import { DateScalar } from "../../graphql/scalars";
import { TaskCategory } from "../tasks/task-enums";
import { occupancy } from "./overview-rules";
import type { OverviewSelection } from "./overview-selection";

/** An overview's figures as PostgreSQL adds them up: counts and integer cents. */
export interface OverviewCounts {
  capacity: number;
  personsPlanned: number;
  personsInAccompaniment: number;
  personsExtended: number;
  personsCompleted: number;
  personsExited: number;
  households: number;
  householdsDirect: number;
  householdsViaReception: number;
  overdueTasks: number;
  fundingDueCents: number;
  fundingSettledCents: number;
}

const PERSONS = (status: string) =>
  `Members (every person recorded, children born after arrival included) of the counted households whose status is ${status}.`;
const OVERDUE =
  "Overdue tasks: OPEN, IN_PROGRESS or BLOCKED with a due date before today (Europe/Brussels); those of the counted households, plus agreement-level tasks when no period is given.";
const FUNDING_DUE = "Sum of the funding lines due in the period (every line without a period), adjustments included with their sign.";
const FUNDING_SETTLED = "The part of fundingDue on lines Fedasil has settled (paid).";

@ObjectType({ simpleResolvers: true, description: "Capacity against persons by household status, households, overdue work and money, over the agreements counted." })
export class OverviewFigures implements OverviewCounts {
  @Field(() => Int, { description: "Sum of the capacity (in persons) of the agreements counted, whatever their status; not narrowed by the period." })
  capacity: number;

  @Field(() => Int, { description: PERSONS("PLANNED") })
  personsPlanned: number;

  @Field(() => Int, { description: PERSONS("IN_ACCOMPANIMENT (first year)") })
  personsInAccompaniment: number;

  @Field(() => Int, { description: PERSONS("EXTENDED (second year)") })
  personsExtended: number;

  @Field(() => Int, { description: PERSONS("COMPLETED") })
  personsCompleted: number;

  @Field(() => Int, { description: PERSONS("EXITED (left early)") })
  personsExited: number;

  @Field(() => Float, { nullable: true, description: "(personsInAccompaniment + personsExtended) / capacity, e.g. 0.75; null when capacity is 0." })
  get occupancy(): number | null {
    return occupancy(this.personsInAccompaniment + this.personsExtended, this.capacity);
  }

  @Field(() => Int, { description: "Households whose arrival date (expected arrival date while not arrived) lies in the period; every household without a period." })
  households: number;

  @Field(() => Int, { description: "Of the counted households, those whose arrival route is DIRECT (for a planned household, the route expected)." })
  householdsDirect: number;

  @Field(() => Int, { description: "Of the counted households, those whose arrival route is VIA_RECEPTION (for a planned household, the route expected)." })
  householdsViaReception: number;

  @Field(() => Int, { description: OVERDUE })
  overdueTasks: number;

  fundingDueCents: number;
  fundingSettledCents: number;

  @Field(() => Money, { description: FUNDING_DUE })
  get fundingDue(): Money {
    return Money.fromCents(this.fundingDueCents);
  }

  @Field(() => Money, { description: FUNDING_SETTLED })
  get fundingSettled(): Money {
    return Money.fromCents(this.fundingSettledCents);
  }
}

@ObjectType({ simpleResolvers: true, description: "One agreement's row of the overview." })
export class AgreementOverview {
  agreementKey: string;

  @Field(() => OverviewFigures, { description: "The agreement's figures; the overview's totals add them up." })
  figures: OverviewFigures;
}

@ObjectType({ simpleResolvers: true, description: "One consortium member's row of the overview, over the counted agreements of the consortia it is a current member of." })
export class MemberOverview {
  organisationKey: string;
  fundingDueCents: number;
  fundingSettledCents: number;

  @Field(() => Int, { description: "Counted agreements of the consortia the organisation is a current member of." })
  agreementCount: number;

  @Field(() => Int, { description: "Households of those agreements, counted as in the totals (by arrival date in the period)." })
  households: number;

  @Field(() => Int, { description: `${OVERDUE} Only those assigned to the organisation.` })
  overdueTasks: number;

  @Field(() => Int, { description: "Tasks assigned to the organisation that are OPEN, IN_PROGRESS or BLOCKED, overdue or not, counted as in the totals." })
  openTasks: number;

  @Field(() => Money, { description: "The organisation's allocations (its shares) of the funding lines counted in fundingDue of the totals." })
  get fundingDue(): Money {
    return Money.fromCents(this.fundingDueCents);
  }

  @Field(() => Money, { description: "The part of fundingDue on lines Fedasil has settled (paid)." })
  get fundingSettled(): Money {
    return Money.fromCents(this.fundingSettledCents);
  }
}

@ObjectType({ simpleResolvers: true, description: "How many overdue tasks of one category one organisation is assigned." })
export class OverdueTaskCount {
  organisationKey: string;

  @Field(() => TaskCategory)
  category: TaskCategory;

  @Field(() => Int, { description: `${OVERDUE} Always at least 1.` })
  count: number;
}

@ObjectType({ simpleResolvers: true, description: "How long households take to get a step of the integration path done." })
export class TaskTemplateDuration {
  templateKey: string;

  @Field(() => Int, { description: "DONE tasks of this template among the counted households." })
  doneCount: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Median (percentile_cont 0.5) of the days from the household's arrival to the day (Europe/Brussels) the task was done, over those DONE tasks; null when none has both dates. Negative when done before arrival.",
  })
  medianDaysFromArrival: number | null;
}

@ObjectType({ simpleResolvers: true, description: "An accompaniment ending in the next 90 days." })
export class EndingAccompaniment {
  householdKey: string;

  @Field(() => DateScalar, { description: "The last day of the accompaniment: from today up to 90 days on." })
  endsOn: string;

  @Field({ description: "True when the household's next-home search task (template SEARCH_NEXT_HOME) is DONE." })
  nextHomeSearchDone: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A household in accompaniment whose home ends before its accompaniment does, or soon, with no later home recorded." })
export class AccommodationEndingWithoutNextHome {
  householdKey: string;

  @Field(() => DateScalar, { description: "The last day of the current home (the one with the latest availableFrom); may be past." })
  accommodationEndsOn: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Every partnership side by side, computed in the database: Fedasil sees every agreement, partners the agreements of their own consortia. Every figure, row and list counts only the agreements, households, tasks and funding lines the filter selects.",
})
export class ProgrammeOverview {
  /** What the overview counts, in SQL, shared by all its fields. */
  selection: OverviewSelection;
}
