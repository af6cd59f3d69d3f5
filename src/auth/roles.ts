import { registerEnumType } from "type-graphql";

export enum Role {
  PARTNER_STAFF = "PARTNER_STAFF",
  PARTNER_COORDINATOR = "PARTNER_COORDINATOR",
  FEDASIL_STAFF = "FEDASIL_STAFF",
  FEDASIL_ADMIN = "FEDASIL_ADMIN",
  EVALUATOR = "EVALUATOR",
}
registerEnumType(Role, { name: "Role", description: "What a user may see and change (DESIGN: roles)." });

export const isFedasil = (role: Role): boolean => role === Role.FEDASIL_STAFF || role === Role.FEDASIL_ADMIN;
export const isPartner = (role: Role): boolean => role === Role.PARTNER_STAFF || role === Role.PARTNER_COORDINATOR;
