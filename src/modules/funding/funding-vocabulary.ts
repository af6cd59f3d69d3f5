/** The words of funding (DESIGN: Funding rules): pure, no database or GraphQL. */

/** What Fedasil pays a line for; see fundingLinesFor for who counts and when it is due. */
export enum FundingKind {
  BASE = "BASE",
  EXTENSION = "EXTENSION",
  DIRECT_ARRIVAL_HEAD = "DIRECT_ARRIVAL_HEAD",
  DIRECT_ARRIVAL_MEMBER = "DIRECT_ARRIVAL_MEMBER",
}

/** Every kind in the order of the programme's terms; a rate schedule has one rate for each. */
export const FUNDING_KINDS: readonly FundingKind[] = [
  FundingKind.BASE,
  FundingKind.EXTENSION,
  FundingKind.DIRECT_ARRIVAL_HEAD,
  FundingKind.DIRECT_ARRIVAL_MEMBER,
];

/**
 * Why the engine could not answer, as a value rather than a throw, so a service can turn it into
 * a user error or a fault as fits the request.
 */
export interface FundingProblem {
  code: "INVALID_FACTS" | "INVALID_SCHEDULE" | "NO_RATE_SCHEDULE" | "AMOUNT_TOO_LARGE" | "INVALID_AMOUNT" | "INVALID_SHARES";
  message: string;
}

/** A whole number of cents that JavaScript holds exactly. */
export const isCents = (value: number): boolean => Number.isSafeInteger(value);
