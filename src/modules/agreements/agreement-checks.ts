import type { EntityManager } from "typeorm";
import { isFedasil } from "../../auth/roles";
import { keyOf } from "../../graphql/global-id";
import { type UserError, UserErrorCode, userError } from "../../graphql/user-error";
import { User } from "../users/user.entity";

const FIELD = ["input", "fedasilContactId"];

/** The key of the agreement's contact person, who must be a Fedasil user; a user error otherwise. */
export async function fedasilContactKey(manager: EntityManager, id: string | null | undefined): Promise<{ key: string | null; errors: UserError[] }> {
  if (id == null) return { key: null, errors: [] };
  const key = keyOf(id, "User");
  const user = key ? await manager.findOneBy(User, { key }) : null;
  if (!user) return { key: null, errors: [userError(FIELD, UserErrorCode.UNKNOWN_REFERENCE, "No such user.")] };
  if (!isFedasil(user.role)) return { key: null, errors: [userError(FIELD, UserErrorCode.WRONG_KIND, "The contact person must be a Fedasil user.")] };
  return { key, errors: [] };
}
