import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { ReportDefinitionInput } from "./report-definition.inputs";

/** A report definition kept under a name by an evaluator or Fedasil user, maybe shared with others. */
@Entity("saved_report")
@ObjectType({
  implements: Node,
  description: "A report definition kept under a name. Its owner renames, shares and deletes it; users it is shared with read and run it.",
})
export class SavedReport extends VersionedEntity {
  @Column({ name: "owner_user_id", type: "uuid" })
  ownerKey: string;

  @Field({ description: "Unique among its owner's reports, whatever the case." })
  @Column({ type: "text" })
  name: string;

  @Field(() => ReportDefinitionInput)
  @Column({ type: "jsonb" })
  definition: ReportDefinitionInput;
}
