import { registerEnumType } from "type-graphql";
import { FundingKind } from "./funding-vocabulary";

registerEnumType(FundingKind, {
  name: "FundingKind",
  description: "What a funding amount pays for, per the programme's terms.",
  valuesConfig: {
    BASE: { description: "Per resettled person; due at the start of the accompaniment." },
    EXTENSION: { description: "Per resettled person when the second year is granted; due at its start." },
    DIRECT_ARRIVAL_HEAD: { description: "Once per household arriving DIRECT; due at the start of the accompaniment." },
    DIRECT_ARRIVAL_MEMBER: { description: "Per resettled member other than the head, arriving DIRECT; due at the start of the accompaniment." },
  },
});

export { FundingKind };
