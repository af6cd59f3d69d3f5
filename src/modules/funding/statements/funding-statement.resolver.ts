import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../../graphql/connection";
import type { RequestContext } from "../../../graphql/context";
import { notFound } from "../../../graphql/errors";
import { PageArgsInput } from "../../../graphql/page-args";
import { Agreement } from "../../agreements/agreement.entity";
import { FundingStatementFilter } from "./funding-statement.inputs";
import {
  FundingAgreementTotal,
  FundingKindTotal,
  FundingMemberTotal,
  FundingStatement,
  FundingStatementLine,
  FundingTotals,
} from "./funding-statement.types";
import { statementReads } from "./statement-reads";

const FundingStatementLineConnection = ConnectionType(FundingStatementLine, "FundingStatementLine");

@Resolver(() => FundingStatement)
export class FundingStatementResolver {
  @Query(() => FundingStatement, {
    description:
      "What Fedasil owes for the funding lines due in a period (both days inclusive), as far as the viewer may see: partners their consortia's agreements, Fedasil staff and admins every partner side by side; evaluators get FORBIDDEN and use `report` with FUNDING_* measures, where small groups are withheld. With organisationId, a member's statement: its shares across all its agreements. Also downloadable as CSV: GET /funding/statement.csv with the filter's fields as query parameters.",
  })
  fundingStatement(@Arg("filter", () => FundingStatementFilter) filter: FundingStatementFilter, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): FundingStatement {
    return ctx.services.fundingStatements.open(ctx.viewer, filter, statementReads(info));
  }

  @FieldResolver(() => FundingTotals, { description: "Due, settled and unsettled over all the statement's lines; by kind, by member and by agreement break them down." })
  async totals(@Root() statement: FundingStatement): Promise<FundingTotals> {
    return (await statement.figures()).totals;
  }

  @FieldResolver(() => [FundingKindTotal], { description: "One entry per kind with lines in the statement, in the order of the programme's terms, adjustments last." })
  async byKind(@Root() statement: FundingStatement): Promise<FundingKindTotal[]> {
    return (await statement.figures()).byKind;
  }

  @FieldResolver(() => [FundingMemberTotal], {
    description: "One entry per organisation with an allocation on the statement's lines (in a member statement: that member only), by name. Members' `due` add up to the totals' `due` once every line is allocated.",
  })
  async byMember(@Root() statement: FundingStatement): Promise<FundingMemberTotal[]> {
    return (await statement.figures()).byMember;
  }

  @FieldResolver(() => [FundingAgreementTotal], { description: "One entry per agreement with lines in the statement, by reference." })
  async byAgreement(@Root() statement: FundingStatement): Promise<FundingAgreementTotal[]> {
    return (await statement.figures()).byAgreement;
  }

  @FieldResolver(() => FundingStatementLineConnection, {
    nullable: true,
    description:
      "The statement's lines by due date; `totalCount` is the totals' lineCount.",
  })
  lines(@Root() statement: FundingStatement, @Args() page: PageArgsInput, @Ctx() ctx: RequestContext) {
    return ctx.services.fundingStatements.lines(statement, page);
  }
}

@Resolver(() => FundingStatementLine)
export class FundingStatementLineResolver {
  @FieldResolver(() => Agreement)
  async agreement(@Root() line: FundingStatementLine, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return (await ctx.loaders.agreement.load(line.agreementKey)) ?? Promise.reject(notFound());
  }
}
