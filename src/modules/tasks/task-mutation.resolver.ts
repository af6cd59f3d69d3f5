import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { TaskComment } from "./task-comment.entity";
import { AssignTaskInput, CommentOnTaskInput, UpdateTaskStatusInput } from "./task.inputs";
import { Task } from "./task.entity";

const AssignTaskPayload = PayloadType("AssignTaskPayload", "task", Task);
const UpdateTaskStatusPayload = PayloadType("UpdateTaskStatusPayload", "task", Task);
const CommentOnTaskPayload = PayloadType("CommentOnTaskPayload", "comment", TaskComment);

@Resolver()
export class TaskMutationResolver {
  @Mutation(() => AssignTaskPayload, {
    description:
      "Coordinators assign any task of their consortium to a current member, optionally narrowed to one of its users; staff of the assignee only narrow it to one of their own users or clear that. Assigning to another member withdraws the task's open hand-over.",
  })
  async assignTask(@Arg("input") input: AssignTaskInput, @Ctx() ctx: RequestContext) {
    return payloadOf("task", await ctx.services.taskWork.assign(ctx, input));
  }

  @Mutation(() => UpdateTaskStatusPayload, {
    description: "Users of the assignee organisation move the task along its state machine. Closing it (DONE, CANCELLED, NOT_APPLICABLE) withdraws its open hand-over.",
  })
  async updateTaskStatus(@Arg("input") input: UpdateTaskStatusInput, @Ctx() ctx: RequestContext) {
    return payloadOf("task", await ctx.services.taskWork.updateStatus(ctx, input));
  }

  @Mutation(() => CommentOnTaskPayload, { description: "Any partner user of the task's consortium comments on it." })
  async commentOnTask(@Arg("input") input: CommentOnTaskInput, @Ctx() ctx: RequestContext) {
    return payloadOf("comment", await ctx.services.taskWork.comment(ctx, input));
  }
}
