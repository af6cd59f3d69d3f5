import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum CurrencyCode {
  EUR = "EUR",
}
registerEnumType(CurrencyCode, { name: "CurrencyCode", description: "ISO-4217 currency code." });

/** An amount of money; computed and stored in integer cents, shown as a two-place decimal. */
@ObjectType({ simpleResolvers: true, description: "An amount of money: a decimal with two places and its currency." })
export class Money {
  @Field({ description: "Decimal amount with two places, e.g. \"3000.00\"." })
  amount: string;

  @Field(() => CurrencyCode)
  currencyCode: CurrencyCode;

  static fromCents(cents: number): Money {
    return Object.assign(new Money(), { amount: formatCents(cents), currencyCode: CurrencyCode.EUR });
  }
}

@InputType({ description: "An amount of money: a decimal with at most two places, e.g. \"650.00\"." })
export class MoneyInput {
  @Field()
  amount: string;

  @Field(() => CurrencyCode)
  currencyCode: CurrencyCode;
}

/** 123456 -> "1234.56"; -5 -> "-0.05". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "1234.5" -> 123450; null for anything that is not a decimal with at most two places. */
export function parseCents(amount: string): number | null {
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "0").padEnd(2, "0"));
  return match[1] === "-" && cents !== 0 ? -cents : cents;
}
