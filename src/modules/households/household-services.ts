import type { Database } from "../../database/database";
import type { MutationRunner } from "../../shared/mutation-runner";
import type { TaskPubSub } from "../tasks/task-notifications";
import { AccommodationService } from "./accommodation.service";
import { HouseholdAccess } from "./household-access";
import { HouseholdService } from "./household.service";
import { PersonService } from "./person.service";

/** The services of the households module, sharing one way of finding a mutation's target. */
export function createHouseholdServices(db: Database, mutations: MutationRunner, taskPubSub: TaskPubSub) {
  const access = new HouseholdAccess(db);
  return {
    households: new HouseholdService(db, mutations, access),
    persons: new PersonService(db, mutations, access, taskPubSub),
    accommodations: new AccommodationService(db, mutations, access),
  };
}

export type HouseholdServices = ReturnType<typeof createHouseholdServices>;
