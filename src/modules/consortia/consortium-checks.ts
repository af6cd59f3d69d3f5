import { type EntityManager, In } from "typeorm";
import { keyOf } from "../../graphql/global-id";
import { type UserError, UserErrorCode, userError } from "../../graphql/user-error";
import { Organisation, OrganisationKind } from "../organisations/organisation.entity";

/** Fedasil and evaluators take part in the programme but are never members of a consortium. */
const PARTNER_KINDS: ReadonlySet<OrganisationKind> = new Set([
  OrganisationKind.CITY,
  OrganisationKind.MUNICIPALITY,
  OrganisationKind.PCSW,
  OrganisationKind.NGO,
  OrganisationKind.OTHER,
]);

export interface OrganisationRef {
  id: string;
  /** Where the id stands in the input, for the user error. */
  field: string[];
}

/** The keys of the organisations behind these global IDs, with a user error for each unknown or non-partner one. */
export async function partnerKeys(manager: EntityManager, refs: readonly OrganisationRef[]): Promise<{ keys: Array<string | null>; errors: UserError[] }> {
  const keys = refs.map((ref) => keyOf(ref.id, "Organisation"));
  const wanted = keys.filter((key): key is string => key !== null);
  const found = new Map(
    wanted.length > 0 ? (await manager.findBy(Organisation, { key: In(wanted) })).map((o) => [o.key, o]) : [],
  );
  const errors = refs.flatMap((ref, i) => {
    const organisation = keys[i] ? found.get(keys[i]!) : undefined;
    if (!organisation) return [userError(ref.field, UserErrorCode.UNKNOWN_REFERENCE, "No such organisation.")];
    if (!PARTNER_KINDS.has(organisation.kind)) {
      return [userError(ref.field, UserErrorCode.WRONG_KIND, `A ${organisation.kind} organisation cannot be a consortium member.`)];
    }
    return [];
  });
  return { keys, errors };
}
