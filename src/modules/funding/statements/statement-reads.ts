import type { GraphQLResolveInfo } from "graphql";
import { propertiesRead } from "../../../graphql/projection";
import { fieldNames, oncePerSelection } from "../../../graphql/selection";
import { Agreement } from "../../agreements/agreement.entity";
import { ORGANISATION_FIELD_NEEDS, Organisation } from "../../organisations/organisation.entity";

/** The properties a statement's figures read of the agreements and members they name; null: all. */
export interface StatementReads {
  agreement: readonly string[] | null;
  organisation: readonly string[] | null;
}

/** Every property: for the CSV download, and whoever asks without a selection. */
export const READS_EVERYTHING: StatementReads = { agreement: null, organisation: null };

/** What `fundingStatement`'s selection reads of `byAgreement { agreement }` and `byMember { organisation }`. */
export const statementReads = oncePerSelection(
  (info: GraphQLResolveInfo): StatementReads => ({
    agreement: propertiesRead(info.schema, Agreement, fieldNames(info, ["byAgreement", "agreement"])),
    organisation: propertiesRead(info.schema, Organisation, fieldNames(info, ["byMember", "organisation"]), ORGANISATION_FIELD_NEEDS),
  }),
);
