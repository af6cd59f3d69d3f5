import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { TaskCategory } from "../tasks/task-vocabulary";

/**
 * A coordinator's choice in an agreement's responsibility matrix; categories without one follow
 * the defaults. Shown to clients as a ResponsibilityAssignment, with the defaults filled in.
 */
@Entity("agreement_responsibility")
export class Responsibility extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Column({ type: "text" })
  category: TaskCategory;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;
}
