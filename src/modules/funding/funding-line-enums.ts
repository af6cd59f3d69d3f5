import { registerEnumType } from "type-graphql";
import { FundingLineKind } from "./funding-line-kind";

registerEnumType(FundingLineKind, {
  name: "FundingLineKind",
  description: "What a funding line pays for: one of the four FundingKinds, or ADJUSTMENT (a signed correction).",
  valuesConfig: {
    ADJUSTMENT: {
      description: "A signed correction: automatic when the facts behind a settled line change (correctsKind says which kind), or entered by a Fedasil admin with a reason.",
    },
  },
});

export { FundingLineKind };
