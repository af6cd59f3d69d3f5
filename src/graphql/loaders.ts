import { type Viewer, agreementScope } from "../auth/viewer";
import { groupedLoader, keyedLoader } from "../database/loaders";
import { cooperationLoaders } from "../modules/cooperation/cooperation.loaders";
import { fundingLoaders } from "../modules/funding/funding.loaders";
import { fundingLineLoaders } from "../modules/funding/funding-line.loaders";
import { splitRuleLoaders } from "../modules/funding/split-rules/split-rule.loaders";
import { householdLoaders } from "../modules/households/household.loaders";
import { integrationPathLoaders } from "../modules/integration-path/integration-path.loaders";
import { savedReportLoaders } from "../modules/reports/saved-report.loaders";
import { taskLoaders } from "../modules/tasks/task.loaders";
import type { Language } from "./language";
import type { Services } from "./services";

/** One DataLoader set per request, scoped to the viewer: what a loader returns, the viewer may see (tasks titled in `language`). */
export function createLoaders(services: Services, viewer: Viewer, language: Language) {
  return {
    organisation: keyedLoader((keys) => services.organisations.readMany(keys), (o) => o.key),
    user: keyedLoader((keys) => services.users.readVisible(viewer, keys), (u) => u.key),
    consortium: keyedLoader((keys) => services.consortia.readMany(agreementScope(viewer), keys), (c) => c.key),
    consortiumMembership: keyedLoader((keys) => services.consortia.readMemberships(agreementScope(viewer), keys), (m) => m.key),
    consortiumMemberships: groupedLoader((keys) => services.consortia.membershipsOf(agreementScope(viewer), keys), (m) => m.consortiumKey),
    agreement: keyedLoader((keys) => services.agreements.readMany(agreementScope(viewer), keys), (a) => a.key),
    consortiumAgreements: groupedLoader((keys) => services.agreements.ofConsortia(agreementScope(viewer), keys), (a) => a.consortiumKey),
    ...householdLoaders(services, viewer),
    ...integrationPathLoaders(services, viewer),
    ...taskLoaders(services, viewer, language),
    ...cooperationLoaders(services, viewer),
    ...fundingLoaders(services),
    ...fundingLineLoaders(services, viewer),
    ...splitRuleLoaders(services, viewer),
    ...savedReportLoaders(services, viewer),
    auditEvent: keyedLoader((keys) => services.auditEvents.readMany(viewer, keys), (e) => e.key),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** How `node(id)` finds each type: through the viewer's own scoped loaders. */
export function nodeLoaders(loaders: Loaders): Record<string, (key: string) => Promise<object | null>> {
  return {
    Organisation: (key) => loaders.organisation.load(key),
    User: (key) => loaders.user.load(key),
    Consortium: (key) => loaders.consortium.load(key),
    ConsortiumMembership: (key) => loaders.consortiumMembership.load(key),
    Agreement: (key) => loaders.agreement.load(key),
    Household: (key) => loaders.household.load(key),
    Person: (key) => loaders.person.load(key),
    Accommodation: (key) => loaders.accommodation.load(key),
    TaskTemplate: (key) => loaders.taskTemplate.load(key),
    CooperationEvent: (key) => loaders.cooperationEvent.load(key),
    Task: (key) => loaders.task.load(key),
    TaskEvent: (key) => loaders.taskEvent.load(key),
    TaskComment: (key) => loaders.taskComment.load(key),
    Handover: (key) => loaders.handover.load(key),
    FundingRateSchedule: (key) => loaders.fundingRateSchedule.load(key),
    FundingRate: (key) => loaders.fundingRate.load(key),
    FundingLine: (key) => loaders.fundingLine.load(key),
    SplitRule: (key) => loaders.splitRule.load(key),
    SavedReport: (key) => loaders.savedReport.load(key),
    AuditEvent: (key) => loaders.auditEvent.load(key),
  };
}
