/** Amounts for people to read: pure string work on integer cents, no floating point. */

/** 1900000 -> "€19,000.00"; -50 -> "-€0.50". */
export function euro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const digits = String(Math.abs(cents)).padStart(3, "0");
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${cents < 0 ? "-" : ""}€${whole}.${digits.slice(-2)}`;
}
