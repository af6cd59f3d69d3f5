import { DEMO_ORGANISATIONS, type DemoOrganisationKey } from "./demo-organisations";

/**
 * The demo users, one per role per organisation, as plain data: `npm run token` lists and signs
 * for them without opening the database (PGlite cannot be shared with a running server).
 * The login is the token subject (app_user.subject).
 */
export interface DemoUser {
  login: string;
  role: "PARTNER_STAFF" | "PARTNER_COORDINATOR" | "FEDASIL_STAFF" | "FEDASIL_ADMIN" | "EVALUATOR";
  organisation: DemoOrganisationKey;
  displayName: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { login: "staff@fedasil", role: "FEDASIL_STAFF", organisation: "fedasil", displayName: "Nathalie Lambert" },
  { login: "admin@fedasil", role: "FEDASIL_ADMIN", organisation: "fedasil", displayName: "Koen Van den Broeck" },
  { login: "evaluator@evaluatiebureau", role: "EVALUATOR", organisation: "evaluator", displayName: "Hanne Wouters" },
  { login: "coordinator@stad-gent", role: "PARTNER_COORDINATOR", organisation: "stadGent", displayName: "Els Vermeulen" },
  { login: "staff@stad-gent", role: "PARTNER_STAFF", organisation: "stadGent", displayName: "Pieter De Smet" },
  { login: "coordinator@ocmw-gent", role: "PARTNER_COORDINATOR", organisation: "ocmwGent", displayName: "Sofie Claes" },
  { login: "staff@ocmw-gent", role: "PARTNER_STAFF", organisation: "ocmwGent", displayName: "Jonas Maes" },
  { login: "coordinator@vluchtelingenwerk", role: "PARTNER_COORDINATOR", organisation: "vluchtelingenwerk", displayName: "Lotte Jacobs" },
  { login: "staff@vluchtelingenwerk", role: "PARTNER_STAFF", organisation: "vluchtelingenwerk", displayName: "Youssef El Amrani" },
  { login: "coordinator@cpas-liege", role: "PARTNER_COORDINATOR", organisation: "cpasLiege", displayName: "Marie Dubois" },
  { login: "staff@cpas-liege", role: "PARTNER_STAFF", organisation: "cpasLiege", displayName: "Julien Lejeune" },
  { login: "coordinator@caritas", role: "PARTNER_COORDINATOR", organisation: "caritas", displayName: "Anne Lemaire" },
  { login: "staff@caritas", role: "PARTNER_STAFF", organisation: "caritas", displayName: "Thomas Renard" },
  { login: "coordinator@convivial", role: "PARTNER_COORDINATOR", organisation: "convivial", displayName: "Sarah Mertens" },
  { login: "staff@convivial", role: "PARTNER_STAFF", organisation: "convivial", displayName: "Karim Benali" },
  { login: "coordinator@cire", role: "PARTNER_COORDINATOR", organisation: "cire", displayName: "Claire Martin" },
  { login: "staff@cire", role: "PARTNER_STAFF", organisation: "cire", displayName: "Antoine Dupont" },
];

export function findDemoUser(login: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.login === login);
}

export function organisationNameOf(user: DemoUser): string {
  return DEMO_ORGANISATIONS[user.organisation].name;
}
