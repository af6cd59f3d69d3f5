/**
 * The organisations and consortia of the demo programme, as plain data (no database import):
 * the token script reads them without opening the database.
 */

export type DemoOrganisationKey =
  | "fedasil"
  | "evaluator"
  | "stadGent"
  | "ocmwGent"
  | "vluchtelingenwerk"
  | "cpasLiege"
  | "caritas"
  | "convivial"
  | "cire";

export interface DemoOrganisation {
  kind: "CITY" | "PCSW" | "NGO" | "FEDASIL" | "EVALUATOR";
  name: string;
  /** The first eight digits of the enterprise number; the check digits are computed. */
  enterpriseNumberBase: string;
  postalCode: string;
  municipality: string;
  province: string;
}

export const DEMO_ORGANISATIONS: Record<DemoOrganisationKey, DemoOrganisation> = {
  fedasil: { kind: "FEDASIL", name: "Fedasil", enterpriseNumberBase: "08748487", postalCode: "1000", municipality: "Brussel", province: "BRUSSELS_CAPITAL" },
  evaluator: { kind: "EVALUATOR", name: "Evaluatiebureau Hervestiging", enterpriseNumberBase: "07654321", postalCode: "3000", municipality: "Leuven", province: "FLEMISH_BRABANT" },
  stadGent: { kind: "CITY", name: "Stad Gent", enterpriseNumberBase: "02073514", postalCode: "9000", municipality: "Gent", province: "EAST_FLANDERS" },
  ocmwGent: { kind: "PCSW", name: "OCMW Gent", enterpriseNumberBase: "02124862", postalCode: "9000", municipality: "Gent", province: "EAST_FLANDERS" },
  vluchtelingenwerk: { kind: "NGO", name: "Vluchtelingenwerk Vlaanderen", enterpriseNumberBase: "04186235", postalCode: "1030", municipality: "Schaarbeek", province: "BRUSSELS_CAPITAL" },
  cpasLiege: { kind: "PCSW", name: "CPAS de Liège", enterpriseNumberBase: "02125089", postalCode: "4000", municipality: "Liège", province: "LIEGE" },
  caritas: { kind: "NGO", name: "Caritas International", enterpriseNumberBase: "04097684", postalCode: "1210", municipality: "Saint-Josse-ten-Noode", province: "BRUSSELS_CAPITAL" },
  convivial: { kind: "NGO", name: "Convivial", enterpriseNumberBase: "04439076", postalCode: "1190", municipality: "Forest", province: "BRUSSELS_CAPITAL" },
  cire: { kind: "NGO", name: "CIRÉ", enterpriseNumberBase: "04216543", postalCode: "1050", municipality: "Ixelles", province: "BRUSSELS_CAPITAL" },
};

/** A street where the consortium finds homes, with its postal code and municipality. */
export interface DemoStreet {
  street: string;
  postalCode: string;
  municipality: string;
}

export interface DemoConsortium {
  name: string;
  /** Prefix of the agreement and household references. */
  code: string;
  /** Language of the addresses ("bus" or "bte" for a letterbox number). */
  language: "nl" | "fr";
  /** The first member is the lead; `joinedLater` members joined six months into the agreement. */
  members: Array<{ organisation: DemoOrganisationKey; joinedLater?: boolean }>;
  capacity: number;
  streets: DemoStreet[];
}

export const DEMO_CONSORTIA: DemoConsortium[] = [
  {
    name: "Consortium Gent",
    code: "GENT",
    language: "nl",
    members: [{ organisation: "stadGent" }, { organisation: "ocmwGent" }, { organisation: "vluchtelingenwerk" }],
    capacity: 60,
    streets: [
      { street: "Sleepstraat", postalCode: "9000", municipality: "Gent" },
      { street: "Wondelgemstraat", postalCode: "9000", municipality: "Gent" },
      { street: "Brugsesteenweg", postalCode: "9000", municipality: "Gent" },
      { street: "Dendermondsesteenweg", postalCode: "9040", municipality: "Sint-Amandsberg" },
      { street: "Antwerpsesteenweg", postalCode: "9040", municipality: "Sint-Amandsberg" },
      { street: "Brusselsesteenweg", postalCode: "9050", municipality: "Gentbrugge" },
    ],
  },
  {
    name: "Consortium Liège",
    code: "LIEGE",
    language: "fr",
    members: [{ organisation: "cpasLiege" }, { organisation: "caritas" }, { organisation: "convivial", joinedLater: true }],
    capacity: 45,
    streets: [
      { street: "Rue Saint-Léonard", postalCode: "4000", municipality: "Liège" },
      { street: "Rue de Campine", postalCode: "4000", municipality: "Liège" },
      { street: "Rue Puits-en-Sock", postalCode: "4020", municipality: "Liège" },
      { street: "Rue de Herve", postalCode: "4030", municipality: "Grivegnée" },
      { street: "Rue Cockerill", postalCode: "4100", municipality: "Seraing" },
      { street: "Rue Large Voie", postalCode: "4040", municipality: "Herstal" },
    ],
  },
  {
    name: "CIRÉ Bruxelles",
    code: "BXL",
    language: "fr",
    members: [{ organisation: "cire" }],
    capacity: 25,
    streets: [
      { street: "Rue Josaphat", postalCode: "1030", municipality: "Schaerbeek" },
      { street: "Chaussée de Gand", postalCode: "1080", municipality: "Molenbeek-Saint-Jean" },
      { street: "Rue Wayez", postalCode: "1070", municipality: "Anderlecht" },
      { street: "Rue de Mérode", postalCode: "1060", municipality: "Saint-Gilles" },
    ],
  },
];
