import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../graphql/context";
import { forbidden } from "../graphql/errors";
import { Handover } from "../modules/handovers/handover.entity";
import type { TaskNotification, TaskTopic } from "../modules/tasks/task-notifications";
import { Task } from "../modules/tasks/task.entity";
import { mayFollowTasks, ofHousehold } from "./live-rules";

interface Subscribing {
  context: RequestContext;
}

interface Filtering {
  payload: TaskNotification;
  args: { householdId?: string | null };
}

/** Read once, when the subscription starts: the place to refuse a role that can never receive anything. */
const topicFor = (topic: TaskTopic) => ({ context }: Subscribing): TaskTopic => {
  if (!mayFollowTasks(context.viewer)) throw forbidden();
  return topic;
};

/**
 * Live task events. The pub/sub carries notifications (keys only); src/realtime/live-server.ts
 * decides with the subscriber's viewer as it is at each event whether the event is theirs,
 * loads its object through their own scoped loaders and passes it here as the root. No filter
 * here looks at the viewer: the context's is the one of the subscription's start, and would
 * keep the events of a consortium joined since.
 */
@Resolver()
export class TaskSubscriptionResolver {
  @Subscription(() => Task, {
    topics: topicFor("TASK_ASSIGNED"),
    description: "A task was assigned to the viewer's organisation: by a registered arrival, by a coordinator, or by an accepted hand-over.",
  })
  taskAssigned(@Root() task: Task): Task {
    return task;
  }

  @Subscription(() => Task, {
    topics: topicFor("TASK_CHANGED"),
    filter: ({ payload, args }: Filtering) => ofHousehold(payload, args.householdId),
    description:
      "A task the viewer can see changed (status, assignee, due date, comment, hand-over), as it is now: partners hear of their consortia's tasks, Fedasil of all. Evaluators are refused (FORBIDDEN), as for every task subscription.",
  })
  taskChanged(
    @Root() task: Task,
    @Arg("householdId", () => ID, { nullable: true, description: "Only this household's tasks." }) _householdId?: string | null,
  ): Task {
    return task;
  }

  @Subscription(() => Handover, {
    topics: topicFor("HANDOVER_PROPOSED"),
    description: "Another member proposed to hand a task over to the viewer's organisation.",
  })
  handoverProposed(@Root() handover: Handover): Handover {
    return handover;
  }
}
