import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Request } from "express";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { MIGRATIONS } from "../migrations";
import { TokenVerifier } from "./auth/token-verifier";
import type { Viewer } from "./auth/viewer";
import type { Config } from "./config/config";
import { Database } from "./database/database";
import type { RequestContext } from "./graphql/context";
import { memoryCostBudget } from "./graphql/cost-budget";
import { costBudgetPlugin } from "./graphql/cost-budget-plugin";
import { databaseOutagePlugin, rethrowOutage } from "./graphql/database-outage";
import { redisCostBudget } from "./graphql/cost-budget-redis";
import { errorFormatter } from "./graphql/format-error";
import { hardening } from "./graphql/hardening";
import { type Language, pickLanguage } from "./graphql/language";
import { createLoaders } from "./graphql/loaders";
import { buildThuisSchema } from "./graphql/schema";
import { compiledExecution } from "./graphql/compiled-execution";
import type { Services } from "./graphql/services";
import { createExpressApp } from "./http/server";
import { Agreement } from "./modules/agreements/agreement.entity";
import { AgreementService } from "./modules/agreements/agreement.service";
import { AuditEvent } from "./modules/audit/audit-event.entity";
import { AuditEventService } from "./modules/audit/audit-event.service";
import { CooperationEvent } from "./modules/cooperation/cooperation-event.entity";
import { CooperationService } from "./modules/cooperation/cooperation.service";
import { FundingRateSchedule } from "./modules/funding/funding-rate-schedule.entity";
import { FundingRate } from "./modules/funding/funding-rate.entity";
import { FundingAllocation } from "./modules/funding/funding-allocation.entity";
import { FundingLine } from "./modules/funding/funding-line.entity";
import { createFundingServices } from "./modules/funding/funding-services";
import { FundingStatementService } from "./modules/funding/statements/funding-statement.service";
import { SplitRule, SplitRuleApproval, SplitRuleWeight } from "./modules/funding/split-rules/split-rule.entity";
import { SplitRuleService } from "./modules/funding/split-rules/split-rule.service";
import { statementCsvRoute } from "./modules/funding/statements/statement-csv.route";
import { Handover } from "./modules/handovers/handover.entity";
import { Responsibility } from "./modules/integration-path/responsibility.entity";
import { createIntegrationPathServices } from "./modules/integration-path/integration-path-services";
import { TaskTemplate } from "./modules/task-templates/task-template.entity";
import { TaskComment } from "./modules/tasks/task-comment.entity";
import { TaskEvent } from "./modules/tasks/task-event.entity";
import { Task } from "./modules/tasks/task.entity";
import { createTaskServices } from "./modules/tasks/task-services";
import type { TaskPubSub } from "./modules/tasks/task-notifications";
import { ConsortiumMembership } from "./modules/consortia/consortium-membership.entity";
import { Consortium } from "./modules/consortia/consortium.entity";
import { ConsortiumService } from "./modules/consortia/consortium.service";
import { MembershipService } from "./modules/consortia/membership.service";
import { Accommodation } from "./modules/households/accommodation.entity";
import { Household } from "./modules/households/household.entity";
import { HouseholdAccess } from "./modules/households/household-access";
import { createHouseholdServices } from "./modules/households/household-services";
import { Person } from "./modules/households/person.entity";
import { Organisation } from "./modules/organisations/organisation.entity";
import { OrganisationService } from "./modules/organisations/organisation.service";
import { ProgrammeOverviewService } from "./modules/overview/programme-overview.service";
import { reportCsvRoute } from "./modules/reports/report-csv.route";
import { definitionProblem } from "./modules/reports/report-families";
import { ReportService } from "./modules/reports/report.service";
import { SavedReport } from "./modules/reports/saved-report.entity";
import { SavedReportService } from "./modules/reports/saved-report.service";
import { User } from "./modules/users/user.entity";
import { UserService } from "./modules/users/user.service";
import { todayInBrussels } from "./shared/calendar";
import { IdempotencyRecord } from "./shared/idempotency-record.entity";
import { MutationRunner } from "./shared/mutation-runner";
import { ViewerCache } from "./auth/viewer-cache";
import { listenForViewerChanges } from "./auth/viewer-change-listener";
import { createLivePubSub } from "./realtime/live-pubsub";
import { startLiveServer } from "./realtime/live-server";

export const ENTITIES = [
  Organisation,
  User,
  Consortium,
  ConsortiumMembership,
  Agreement,
  Household,
  Person,
  Accommodation,
  TaskTemplate,
  Responsibility,
  Task,
  TaskEvent,
  TaskComment,
  Handover,
  CooperationEvent,
  FundingRateSchedule,
  FundingRate,
  FundingLine,
  FundingAllocation,
  SplitRule,
  SplitRuleWeight,
  SplitRuleApproval,
  AuditEvent,
  IdempotencyRecord,
  SavedReport,
];

export interface App {
  config: Config;
  db: Database;
  services: Services;
  httpServer: http.Server;
  /** Listens on the configured port (0 picks a free one) and returns the base URL. */
  listen(port?: number): Promise<string>;
  /** Resolves once every change to users and memberships committed before has reached the viewers this server keeps. */
  viewerChangesHeard(): Promise<void>;
  /** Stops accepting requests, lets in-flight ones finish, closes live connections and Redis, then the database. */
  close(): Promise<void>;
}

export function openDatabase(config: Config, logger?: Logger, pgliteStartFrom?: Blob): Promise<Database> {
  return Database.open({
    url: config.databaseUrl,
    pgliteDataDir: config.pgliteDataDir,
    pgliteStartFrom,
    poolSize: config.databasePoolSize,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    onQueryError: (error, query) => logger?.warn({ err: error, statement: query.slice(0, 200) }, "SQL statement failed"),
  });
}

/** `committed` runs after every committed mutation, before its answer goes out. */
export function createServices(db: Database, taskPubSub: TaskPubSub, reportSettings: Config["reports"], committed?: () => void): Services {
  const mutations = new MutationRunner(db, committed);
  const consortia = new ConsortiumService(db, mutations);
  return {
    organisations: new OrganisationService(db, mutations),
    users: new UserService(db),
    consortia,
    memberships: new MembershipService(consortia, mutations),
    agreements: new AgreementService(db, consortia, mutations),
    ...createHouseholdServices(db, mutations, taskPubSub),
    ...createIntegrationPathServices(db, mutations, taskPubSub),
    ...createTaskServices(db, mutations, taskPubSub),
    ...createFundingServices(db, mutations),
    fundingStatements: new FundingStatementService(db),
    splitRules: new SplitRuleService(db, mutations),
    programmeOverview: new ProgrammeOverviewService(db),
    cooperation: new CooperationService(db, mutations, new HouseholdAccess(db), taskPubSub),
    savedReports: new SavedReportService(db, mutations, definitionProblem),
    reports: new ReportService(db, reportSettings.suppressionThreshold),
    auditEvents: new AuditEventService(db),
    taskPubSub,
  };
}

/** The composition root: wires config, database, services, schema and HTTP server. */
export async function createApp(config: Config, db: Database, logger: Logger): Promise<App> {
  const livePubSub = createLivePubSub(config.redisUrl, logger);
  const costBudget = config.redisUrl ? redisCostBudget(config.redisUrl, config.costBudget, logger) : memoryCostBudget(config.costBudget);
  const viewers = new ViewerCache();
  // On PostgreSQL viewers are kept while changes are heard; the embedded database looks each one up.
  const viewerChanges = config.databaseUrl ? listenForViewerChanges(config.databaseUrl, viewers, logger) : undefined;
  // A mutation may change who its user is (a membership ended): this server forgets at once, the others when they hear it.
  const services = createServices(db, livePubSub.pubSub, config.reports, () => viewers.forget());
  const verifier = new TokenVerifier(config.auth);
  const production = config.nodeEnv === "production";
  let accepting = true;

  // HTTP requests and WebSocket subscriptions authenticate alike and get the same kind of context.
  const viewerOf = async (authorization: string | undefined): Promise<Viewer | null> => {
    const subject = await verifier.subjectOf(authorization);
    if (!subject) return null;
    const today = todayInBrussels();
    return viewers.viewerFor(subject, today, () => services.users.viewerFor(subject, today));
  };
  const contextFor = (viewer: Viewer, requestId: string, language: Language): RequestContext => ({
    viewer,
    requestId,
    language,
    services,
    loaders: createLoaders(services, viewer, language),
  });

  const schema = await buildThuisSchema(services.taskPubSub);
  const httpServer = http.createServer();
  const armor = hardening(config.limits);
  const liveServer = startLiveServer({
    httpServer,
    schema,
    db,
    logger,
    production,
    viewerOf,
    contextFor,
    limits: { validationRules: armor.validationRules, parseOptions: armor.parseOptions, maxMessageSize: config.limits.maxBodyBytes },
  });
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecution(schema),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts handles SIGTERM: Apollo's own handler would re-raise it once Apollo stopped, killing the process before the rest closed.
    stopOnTerminationSignals: false,
    formatError: errorFormatter(logger, !production),
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ...armor.plugins,
      costBudgetPlugin(costBudget),
      databaseOutagePlugin(),
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads from the internet: the IDE is served by src/http/server.ts.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...liveServer.plugins,
    ],
  });
  await apollo.start();

  const context = async (req: Request): Promise<RequestContext> => {
    const viewer = await viewerOf(req.headers.authorization).catch(rethrowOutage);
    if (!viewer) {
      throw new GraphQLError("Authentication required: send a valid bearer token.", {
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      });
    }
    return contextFor(viewer, String(req.id), pickLanguage(req.headers["accept-language"]));
  };

  httpServer.on(
    "request",
    createExpressApp({
      apollo,
      db,
      logger,
      maxBodySize: config.limits.maxBodyBytes,
      context,
      isAcceptingRequests: () => accepting,
      downloads: {
        "/funding/statement.csv": statementCsvRoute({ viewerOf, statements: services.fundingStatements }),
        "/reports/report.csv": reportCsvRoute({ viewerOf, schema, services }),
      },
    }),
  );

  return {
    config,
    db,
    services,
    httpServer,
    listen: (port = config.port) =>
      new Promise((resolve) => {
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(`http://localhost:${typeof address === "object" && address ? address.port : port}`);
        });
      }),
    viewerChangesHeard: async () => viewerChanges?.caughtUp(),
    close: async () => {
      accepting = false;
      await apollo.stop();
      await livePubSub.close();
      await costBudget.close();
      await viewerChanges?.close();
      await db.close();
    },
  };
}
