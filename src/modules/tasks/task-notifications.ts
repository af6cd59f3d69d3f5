import { type PubSub, type PubSubEventTarget, createPubSub } from "@graphql-yoga/subscription";

/**
 * What happened to tasks, as told to live subscribers after the change committed. Each carries
 * the consortium, so a subscriber's visibility is checked without a query.
 */
export type TaskNotification =
  | { topic: "TASK_ASSIGNED"; taskKey: string; assigneeOrganisationKey: string; consortiumKey: string }
  | { topic: "TASK_CHANGED"; taskKey: string; householdKey: string | null; consortiumKey: string }
  | { topic: "HANDOVER_PROPOSED"; handoverKey: string; toOrganisationKey: string; consortiumKey: string };

export type TaskTopic = TaskNotification["topic"];

type Channels = { [T in TaskTopic]: [Extract<TaskNotification, { topic: T }>] };

/** The channel between the services that change tasks and the subscriptions that report it. */
export type TaskPubSub = PubSub<Channels>;

/** In-process without an event target; across server instances with a shared one (Redis). */
export function createTaskPubSub(eventTarget?: PubSubEventTarget<Channels>): TaskPubSub {
  return createPubSub<Channels>({ eventTarget });
}

/** Publishes a notification; services call it through `afterCommit`. */
export function publishTaskNotification(pubSub: TaskPubSub, notification: TaskNotification): void {
  pubSub.publish(notification.topic, notification as never);
}
