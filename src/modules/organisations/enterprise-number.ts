/**
 * Belgian enterprise numbers (KBO/BCE): ten digits, starting with 0 or 1, whose last two digits
 * are 97 minus the first eight modulo 97. Accepts the usual spellings: "0123.456.749", "BE0123456749".
 */
export function normaliseEnterpriseNumber(input: string): string | null {
  const digits = input.trim().toUpperCase().replace(/^BE/, "").replace(/[\s.]/g, "");
  if (!/^[01]\d{9}$/.test(digits)) return null;
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  return check === Number(digits.slice(8)) ? digits : null;
}

/** "0123456749" -> "0123.456.749", the way the register writes it. */
export function formatEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** Completes eight digits with their check digits (for demo and test data). */
export function withCheckDigits(firstEight: string): string {
  const check = 97 - (Number(firstEight) % 97);
  return `${firstEight}${String(check).padStart(2, "0")}`;
}
