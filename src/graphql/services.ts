import type { AgreementService } from "../modules/agreements/agreement.service";
import type { AuditEventService } from "../modules/audit/audit-event.service";
import type { IntegrationPathServices } from "../modules/integration-path/integration-path-services";
import type { CooperationService } from "../modules/cooperation/cooperation.service";
import type { FundingServices } from "../modules/funding/funding-services";
import type { FundingStatementService } from "../modules/funding/statements/funding-statement.service";
import type { SplitRuleService } from "../modules/funding/split-rules/split-rule.service";
import type { ConsortiumService } from "../modules/consortia/consortium.service";
import type { MembershipService } from "../modules/consortia/membership.service";
import type { AccommodationService } from "../modules/households/accommodation.service";
import type { HouseholdService } from "../modules/households/household.service";
import type { PersonService } from "../modules/households/person.service";
import type { OrganisationService } from "../modules/organisations/organisation.service";
import type { ProgrammeOverviewService } from "../modules/overview/programme-overview.service";
import type { TaskPubSub } from "../modules/tasks/task-notifications";
import type { TaskServices } from "../modules/tasks/task-services";
import type { SavedReportService } from "../modules/reports/saved-report.service";
import type { ReportService } from "../modules/reports/report.service";
import type { UserService } from "../modules/users/user.service";

/** The domain services, built once in the composition root and shared by every request. */
export interface Services extends IntegrationPathServices, TaskServices, FundingServices {
  organisations: OrganisationService;
  users: UserService;
  consortia: ConsortiumService;
  memberships: MembershipService;
  agreements: AgreementService;
  households: HouseholdService;
  persons: PersonService;
  accommodations: AccommodationService;
  cooperation: CooperationService;
  fundingStatements: FundingStatementService;
  splitRules: SplitRuleService;
  programmeOverview: ProgrammeOverviewService;
  savedReports: SavedReportService;
  reports: ReportService;
  auditEvents: AuditEventService;
  /** Task notifications for live subscribers: in-process, or through Redis across instances. */
  taskPubSub: TaskPubSub;
}
