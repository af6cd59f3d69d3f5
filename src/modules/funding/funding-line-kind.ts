/** The kinds of funding line (DESIGN: Funding rules): pure, no database or GraphQL. */
import { FundingKind } from "./funding-vocabulary";

/**
 * The engine's four kinds, and ADJUSTMENT: a signed correction, made automatically when the facts
 * behind a settled line change, or entered by a Fedasil admin with a reason.
 */
export const FundingLineKind = { ...FundingKind, ADJUSTMENT: "ADJUSTMENT" } as const;
export type FundingLineKind = FundingKind | typeof FundingLineKind.ADJUSTMENT;
