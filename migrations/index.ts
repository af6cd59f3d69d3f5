import { Foundation1764000000000 } from "./1764000000000-foundation";
import { OneLeadPerConsortium1764000000100 } from "./1764000000100-one-lead-per-consortium";
import { IntegrationPath1764100000000 } from "./1764100000000-integration-path";
import { StandardIntegrationPath1764100000300 } from "./1764100000300-standard-integration-path";
import { TaskEventPosition1764100000500 } from "./1764100000500-task-event-position";
import { FundingRateSchedules1764200000000 } from "./1764200000000-funding-rate-schedules";
import { FundingLines1764200000100 } from "./1764200000100-funding-lines";
import { TasksOutliveRemovedPersons1764200000200 } from "./1764200000200-tasks-outlive-removed-persons";
import { SplitRules1764200000300 } from "./1764200000300-split-rules";
import { SavedReports1764300000000 } from "./1764300000000-saved-reports";
import { HouseholdReferenceOrder1764400000100 } from "./1764400000100-household-reference-order";
import { AuditEventTrail1764400000400 } from "./1764400000400-audit-event-trail";
import { ViewerChangeNotifications1764500000000 } from "./1764500000000-viewer-change-notifications";

/** Every migration, oldest first; `npm run migrate` and the embedded database apply them in order. */
export const MIGRATIONS = [Foundation1764000000000, OneLeadPerConsortium1764000000100, IntegrationPath1764100000000, StandardIntegrationPath1764100000300, TaskEventPosition1764100000500, FundingRateSchedules1764200000000, FundingLines1764200000100, TasksOutliveRemovedPersons1764200000200, SplitRules1764200000300, SavedReports1764300000000, HouseholdReferenceOrder1764400000100, AuditEventTrail1764400000400, ViewerChangeNotifications1764500000000];
