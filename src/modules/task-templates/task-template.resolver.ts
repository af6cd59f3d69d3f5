import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { TaskTemplate } from "./task-template.entity";
import { CreateTaskTemplateInput, RetireTaskTemplateInput } from "./task-template.inputs";
import { TranslatedText, titleIn, titlesOf } from "./translated-text";

const TaskTemplateConnection = ConnectionType(TaskTemplate, "TaskTemplate");
const CreateTaskTemplatePayload = PayloadType("CreateTaskTemplatePayload", "taskTemplate", TaskTemplate);
const RetireTaskTemplatePayload = PayloadType("RetireTaskTemplatePayload", "taskTemplate", TaskTemplate);

@Resolver(() => TaskTemplate)
export class TaskTemplateResolver {
  @Query(() => TaskTemplateConnection, { description: "The standard integration path in its order; every signed-in user may read it." })
  taskTemplates(
    @Args() page: PageArgsInput,
    @Arg("includeRetired", () => Boolean, { nullable: true, defaultValue: false, description: "Also list templates that no longer create tasks." })
    includeRetired: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.taskTemplates.list(includeRetired ?? false, page);
  }

  @FieldResolver(() => String, { description: "In the language of the request's Accept-Language (nl, fr or en; English by default)." })
  title(@Root() template: TaskTemplate, @Ctx() ctx: RequestContext): string {
    return titleIn(template, ctx.language);
  }

  @FieldResolver(() => TranslatedText, { description: "The title in every language." })
  titles(@Root() template: TaskTemplate): TranslatedText {
    return titlesOf(template);
  }

  @Mutation(() => CreateTaskTemplatePayload, { description: "Fedasil admins add a step to the standard integration path; households registered from now on get it." })
  async createTaskTemplate(@Arg("input") input: CreateTaskTemplateInput, @Ctx() ctx: RequestContext) {
    return payloadOf("taskTemplate", await ctx.services.taskTemplates.create(ctx, input));
  }

  @Mutation(() => RetireTaskTemplatePayload, { description: "Fedasil admins retire a template: it creates no new tasks; existing tasks stay untouched." })
  async retireTaskTemplate(@Arg("input") input: RetireTaskTemplateInput, @Ctx() ctx: RequestContext) {
    return payloadOf("taskTemplate", await ctx.services.taskTemplates.retire(ctx, input));
  }
}
