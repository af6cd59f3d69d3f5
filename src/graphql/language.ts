/** The languages thuis answers in; `Accept-Language` picks one, English by default. */
export type Language = "en" | "nl" | "fr";

const SUPPORTED: readonly Language[] = ["en", "nl", "fr"];

/** Picks the best supported language of an Accept-Language header, honouring q-values. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return "en";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { base: tag.split("-")[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((l) => SUPPORTED.includes(l.base as Language))?.base as Language) ?? "en";
}

/** A text in each language. */
export type Translated = Record<Language, string>;
