import { REPORT_ROLES } from "../reports/saved-report-rules";
import { Role, isFedasil, isPartner } from "../../auth/roles";
import type { Viewer } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { User } from "./user.entity";

interface ViewerRow {
  id: string;
  role: Role;
  organisation_id: string;
  consortium_ids: string[] | null;
}

export class UserService {
  constructor(private readonly db: Database) {}

  /**
   * Users the viewer may see: itself; for Fedasil everyone; for partners the users of the
   * organisations in their consortia and Fedasil's own staff (their contact persons); nothing else.
   */
  readVisible(viewer: Viewer, keys: readonly string[]): Promise<User[]> {
    const query = this.db.manager.createQueryBuilder(User, "u").where("u.id IN (:...keys)", { keys: [...keys] });
    if (isFedasil(viewer.role)) return query.getMany();
    // Evaluators see who they can share reports with: each other and Fedasil.
    if (!isPartner(viewer.role)) return query.andWhere("(u.id = :self OR u.role = ANY(:reportRoles))", { self: viewer.userId, reportRoles: REPORT_ROLES }).getMany();
    return query
      .andWhere(
        `(u.id = :self OR u.role IN (:...fedasilRoles) OR u.organisation_id IN
           (SELECT m.organisation_id FROM consortium_membership m WHERE m.consortium_id = ANY(:consortia)))`,
        { self: viewer.userId, fedasilRoles: [Role.FEDASIL_STAFF, Role.FEDASIL_ADMIN], consortia: viewer.consortiumIds },
      )
      .getMany();
  }

  /**
   * The viewer for a token subject, with the consortia its organisation is a member of today,
   * in one statement; null when no user has that subject.
   */
  async viewerFor(subject: string, today: string): Promise<Viewer | null> {
    // Every request asks this: prepared, it is planned once per connection.
    const rows = (await this.db.select(
      `SELECT u.id, u.role, u.organisation_id,
              ARRAY(SELECT m.consortium_id::text FROM consortium_membership m
                     WHERE m.organisation_id = u.organisation_id
                       AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2)) AS consortium_ids
         FROM app_user u WHERE u.subject = $1`,
      [subject, today],
    )) as ViewerRow[];
    const row = rows[0];
    if (!row) return null;
    return { userId: row.id, role: row.role, organisationId: row.organisation_id, consortiumIds: row.consortium_ids ?? [] };
  }
}
