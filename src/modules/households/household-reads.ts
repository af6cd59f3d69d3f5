import type { GraphQLResolveInfo } from "graphql";
import { type FieldNeeds, propertiesRead } from "../../graphql/projection";
import { nodeFieldNames, oncePerSelection } from "../../graphql/selection";
import { Accommodation } from "./accommodation.entity";
import type { HouseholdReads, HouseholdRelation } from "./household-rows";
import { Person } from "./person.entity";

const PERSON_FIELD_NEEDS: FieldNeeds = { household: ["householdKey"] };
const ACCOMMODATION_FIELD_NEEDS: FieldNeeds = { household: ["householdKey"], monthlyRent: ["monthlyRentCents"] };

/** Each relation a household list may read along: the Household fields that show it, and what each reads of it besides what its own selection asks. */
const RELATIONS: Record<HouseholdRelation, { entity: Function; needs: FieldNeeds; shownBy: FieldNeeds }> = {
  persons: { entity: Person, needs: PERSON_FIELD_NEEDS, shownBy: { persons: [], head: ["relationship"], personCount: [], resettledPersonCount: ["resettled"] } },
  accommodations: { entity: Accommodation, needs: ACCOMMODATION_FIELD_NEEDS, shownBy: { accommodation: ["availableFrom"], accommodations: [] } },
};

/** What a household list's nodes show of each relation: read along with the households, with only the properties shown. */
export const householdReads = oncePerSelection((info: GraphQLResolveInfo): HouseholdReads => {
  const fields = nodeFieldNames(info);
  const reads: HouseholdReads = {};
  for (const [relation, { entity, needs, shownBy }] of Object.entries(RELATIONS) as Array<[HouseholdRelation, (typeof RELATIONS)[HouseholdRelation]]>) {
    const showing = Object.keys(shownBy).filter((field) => fields.includes(field));
    if (showing.length === 0) continue;
    const each = showing.map((field) => propertiesRead(info.schema, entity, nodeFieldNames(info, [field]), needs)?.concat(shownBy[field]) ?? null);
    reads[relation] = each.includes(null) ? null : [...new Set(each.flat() as string[])];
  }
  return reads;
});
