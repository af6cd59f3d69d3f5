import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AgreementResolver } from "../modules/agreements/agreement.resolver";
import { AuditEventResolver } from "../modules/audit/audit-event.resolver";
import { ConsortiumMembershipResolver } from "../modules/consortia/consortium-membership.resolver";
import { ConsortiumResolver } from "../modules/consortia/consortium.resolver";
import { CooperationEventResolver } from "../modules/cooperation/cooperation-event.resolver";
import { AgreementCooperationResolver, HouseholdCooperationResolver } from "../modules/cooperation/cooperation-lists.resolver";
import { AccommodationResolver } from "../modules/households/accommodation.resolver";
import { AgreementHouseholdsResolver } from "../modules/households/agreement-households.resolver";
import { HouseholdResolver } from "../modules/households/household.resolver";
import { AccompanimentResolver } from "../modules/integration-path/accompaniment.resolver";
import { AgreementResponsibilitiesResolver, ResponsibilityAssignmentResolver } from "../modules/integration-path/responsibility.resolver";
import { TaskTemplateResolver } from "../modules/task-templates/task-template.resolver";
import { FundingRateResolver, FundingRateScheduleResolver } from "../modules/funding/funding-rate-schedule.resolver";
import { FundingAllocationResolver, FundingLineResolver, HouseholdFundingResolver } from "../modules/funding/funding-line.resolver";
import {
  FundingStatementLineResolver,
  FundingStatementResolver,
} from "../modules/funding/statements/funding-statement.resolver";
import { PersonResolver } from "../modules/households/person.resolver";
import { HandoverResolver } from "../modules/handovers/handover.resolver";
import { HouseholdTasksResolver } from "../modules/tasks/household-tasks.resolver";
import { TaskCommentResolver, TaskEventResolver } from "../modules/tasks/task-event.resolver";
import { TaskMutationResolver } from "../modules/tasks/task-mutation.resolver";
import { TaskResolver } from "../modules/tasks/task.resolver";
import { OrganisationResolver } from "../modules/organisations/organisation.resolver";
import { UserResolver } from "../modules/users/user.resolver";
import { ViewerResolver } from "../modules/users/viewer.resolver";
import { type TaskPubSub, createTaskPubSub } from "../modules/tasks/task-notifications";
import { TaskSubscriptionResolver } from "../realtime/task-subscriptions.resolver";
import { SavedReportResolver } from "../modules/reports/saved-report.resolver";
import { ReportResolver } from "../modules/reports/report.resolver";
import { AccommodationEndingResolver, AgreementOverviewResolver, EndingAccompanimentResolver, MemberOverviewResolver, OverdueTaskCountResolver, TaskTemplateDurationResolver } from "../modules/overview/overview-rows.resolver";
import { ProgrammeOverviewResolver } from "../modules/overview/programme-overview.resolver";
import { callFieldResolversDirectly } from "./direct-field-resolvers";
import { validateArgument } from "./input-validation";
import { NodeResolver } from "./node.resolver";
import { AgreementSplitRulesResolver, SplitRuleApprovalResolver, SplitRuleResolver, SplitRuleWeightResolver } from "../modules/funding/split-rules/split-rule.resolver";

export const RESOLVERS = [NodeResolver, ViewerResolver, UserResolver, OrganisationResolver, ConsortiumResolver, ConsortiumMembershipResolver, AgreementResolver, HouseholdResolver, PersonResolver, AccommodationResolver, AgreementHouseholdsResolver, TaskTemplateResolver, AgreementResponsibilitiesResolver, ResponsibilityAssignmentResolver, AccompanimentResolver, CooperationEventResolver, AgreementCooperationResolver, HouseholdCooperationResolver, TaskResolver, TaskMutationResolver, TaskEventResolver, TaskCommentResolver, HouseholdTasksResolver, HandoverResolver, TaskSubscriptionResolver, FundingRateScheduleResolver, FundingRateResolver, FundingLineResolver, FundingAllocationResolver, HouseholdFundingResolver, FundingStatementResolver, FundingStatementLineResolver, SplitRuleResolver, SplitRuleWeightResolver, SplitRuleApprovalResolver, AgreementSplitRulesResolver, SavedReportResolver, ProgrammeOverviewResolver, AgreementOverviewResolver, MemberOverviewResolver, OverdueTaskCountResolver, TaskTemplateDurationResolver, EndingAccompanimentResolver, AccommodationEndingResolver, ReportResolver, AuditEventResolver] as const;

/**
 * The GraphQL schema, generated from the code; `npm run schema` writes it to schema/schema.graphql.
 * Subscriptions listen on `pubSub` (the server's: in-process or through Redis).
 */
export async function buildThuisSchema(pubSub: TaskPubSub = createTaskPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    validate: true,
    validateFn: (argValue, _argType, { info }) => validateArgument(argValue, info.operation.operation),
  });
  callFieldResolversDirectly(schema, RESOLVERS);
  return schema;
}
