import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { UserError } from "../../graphql/user-error";
import { User } from "../users/user.entity";
import { SavedReport } from "./saved-report.entity";
import { DeleteReportInput, SaveReportInput, ShareReportInput } from "./saved-report.inputs";

const SavedReportConnection = ConnectionType(SavedReport, "SavedReport");
const SaveReportPayload = PayloadType("SaveReportPayload", "savedReport", SavedReport);
const ShareReportPayload = PayloadType("ShareReportPayload", "savedReport", SavedReport);

@ObjectType()
class DeleteReportPayload {
  @Field(() => ID, { nullable: true, description: "The id the deleted report had; null when there are user errors." })
  deletedReportId: string | null;

  @Field(() => [UserError], { description: "What the user must fix; empty when the mutation succeeded." })
  userErrors: UserError[];
}

@Resolver(() => SavedReport)
export class SavedReportResolver {
  @Query(() => SavedReportConnection, { description: "Evaluators and Fedasil: your saved reports and those shared with you, by name. Partners: FORBIDDEN." })
  savedReports(
    @Args() page: PageArgsInput,
    @Arg("ownedByMe", () => Boolean, { nullable: true, defaultValue: false, description: "Only the reports you own." }) ownedByMe: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.savedReports.list(ctx.viewer, ownedByMe ?? false, page);
  }

  @FieldResolver(() => User)
  async owner(@Root() report: SavedReport, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(report.ownerKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => [User], { description: "The users who may read and run it, in the order they were added." })
  async sharedWith(@Root() report: SavedReport, @Ctx() ctx: RequestContext): Promise<User[]> {
    const shares = await ctx.loaders.savedReportShares.load(report.key);
    const users = await ctx.loaders.user.loadMany(shares.map((share) => share.userKey));
    return users.filter((user): user is User => user instanceof User);
  }

  @FieldResolver(() => Boolean, { description: "True when you own it: only the owner renames, redefines, shares and deletes it." })
  ownedByViewer(@Root() report: SavedReport, @Ctx() ctx: RequestContext): boolean {
    return report.ownerKey === ctx.viewer.userId;
  }

  @Mutation(() => SaveReportPayload, { description: "Saves a new report definition, or renames or redefines one of yours (evaluators and Fedasil)." })
  async saveReport(@Arg("input") input: SaveReportInput, @Ctx() ctx: RequestContext) {
    return payloadOf("savedReport", await ctx.services.savedReports.save(ctx, input));
  }

  @Mutation(() => ShareReportPayload, { description: "Shares one of your reports with exactly the evaluators and Fedasil users listed; they may read and run it." })
  async shareReport(@Arg("input") input: ShareReportInput, @Ctx() ctx: RequestContext) {
    return payloadOf("savedReport", await ctx.services.savedReports.share(ctx, input));
  }

  @Mutation(() => DeleteReportPayload, { description: "Deletes one of your reports; the users it was shared with lose it too." })
  async deleteReport(@Arg("input") input: DeleteReportInput, @Ctx() ctx: RequestContext): Promise<DeleteReportPayload> {
    const outcome = await ctx.services.savedReports.delete(ctx, input);
    return { deletedReportId: outcome.result ? input.reportId : null, userErrors: outcome.userErrors };
  }
}
