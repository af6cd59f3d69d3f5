import { pickLanguage } from "../../src/graphql/language";

describe("Accept-Language", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["nl", "nl"],
    ["fr-BE,fr;q=0.9,en;q=0.8", "fr"],
    ["nl-BE", "nl"],
    ["de", "en"],
    ["de-DE,de;q=0.9", "en"],
    ["de,nl;q=0.5", "nl"],
    ["nl;q=0,fr", "fr"],
    ["en;q=0.2, NL;q=0.7, fr;q=0.5", "nl"],
    ["fr;q=0.5,nl;q=0.5", "fr"],
    ["*", "en"],
    ["nl;q=0", "en"],
    ["en-GB;q=0.8,fr-BE", "fr"],
  ])("%j picks %s", (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});
