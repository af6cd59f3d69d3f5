/** Belgian municipalities the scale programme's consortia are founded in, province by province. */

export type Language = "nl" | "fr";

export interface Place {
  name: string;
  postalCode: string;
  province: string;
  language: Language;
  /** Has city status ("Stad", "Ville"): its organisation is a CITY, else a MUNICIPALITY. */
  city: boolean;
}

type Row = [name: string, postalCode: string, city?: 1];

const PROVINCES: Record<string, { language: Language; places: Row[] }> = {
  BRUSSELS_CAPITAL: {
    language: "fr",
    places: [["Bruxelles", "1000", 1], ["Schaerbeek", "1030"], ["Anderlecht", "1070"], ["Molenbeek-Saint-Jean", "1080"], ["Ixelles", "1050"], ["Saint-Gilles", "1060"], ["Forest", "1190"], ["Etterbeek", "1040"], ["Saint-Josse-ten-Noode", "1210"], ["Evere", "1140"], ["Jette", "1090"], ["Uccle", "1180"]],
  },
  ANTWERP: {
    language: "nl",
    places: [["Antwerpen", "2000", 1], ["Mechelen", "2800", 1], ["Turnhout", "2300", 1], ["Lier", "2500", 1], ["Mol", "2400"], ["Geel", "2440", 1], ["Boom", "2850"], ["Herentals", "2200", 1], ["Heist-op-den-Berg", "2220"], ["Mortsel", "2640", 1], ["Schoten", "2900"]],
  },
  EAST_FLANDERS: {
    language: "nl",
    places: [["Gent", "9000", 1], ["Aalst", "9300", 1], ["Sint-Niklaas", "9100", 1], ["Dendermonde", "9200", 1], ["Lokeren", "9160", 1], ["Oudenaarde", "9700", 1], ["Eeklo", "9900", 1], ["Ronse", "9600", 1], ["Zele", "9240"], ["Wetteren", "9230"]],
  },
  WEST_FLANDERS: {
    language: "nl",
    places: [["Brugge", "8000", 1], ["Kortrijk", "8500", 1], ["Oostende", "8400", 1], ["Roeselare", "8800", 1], ["Ieper", "8900", 1], ["Waregem", "8790", 1], ["Menen", "8930", 1], ["Torhout", "8820", 1], ["Poperinge", "8970", 1], ["Tielt", "8700", 1]],
  },
  FLEMISH_BRABANT: {
    language: "nl",
    places: [["Leuven", "3000", 1], ["Vilvoorde", "1800", 1], ["Tienen", "3300", 1], ["Halle", "1500", 1], ["Aarschot", "3200", 1], ["Diest", "3290", 1], ["Zaventem", "1930"], ["Dilbeek", "1700"], ["Grimbergen", "1850"]],
  },
  LIMBURG: {
    language: "nl",
    places: [["Hasselt", "3500", 1], ["Genk", "3600", 1], ["Sint-Truiden", "3800", 1], ["Tongeren", "3700", 1], ["Beringen", "3580", 1], ["Maasmechelen", "3630"], ["Lommel", "3920", 1], ["Bilzen", "3740", 1], ["Heusden-Zolder", "3550"]],
  },
  HAINAUT: {
    language: "fr",
    places: [["Charleroi", "6000", 1], ["Mons", "7000", 1], ["La Louvière", "7100", 1], ["Tournai", "7500", 1], ["Mouscron", "7700", 1], ["Binche", "7130", 1], ["Châtelet", "6200", 1], ["Ath", "7800", 1], ["Soignies", "7060", 1], ["Fleurus", "6220", 1]],
  },
  LIEGE: {
    language: "fr",
    places: [["Liège", "4000", 1], ["Seraing", "4100", 1], ["Verviers", "4800", 1], ["Herstal", "4040", 1], ["Huy", "4500", 1], ["Waremme", "4300", 1], ["Flémalle", "4400"], ["Ans", "4430"], ["Spa", "4900", 1], ["Visé", "4600", 1]],
  },
  NAMUR: {
    language: "fr",
    places: [["Namur", "5000", 1], ["Dinant", "5500", 1], ["Andenne", "5300", 1], ["Gembloux", "5030", 1], ["Sambreville", "5060"], ["Ciney", "5590", 1], ["Philippeville", "5600", 1], ["Couvin", "5660", 1]],
  },
  LUXEMBOURG: {
    language: "fr",
    places: [["Arlon", "6700", 1], ["Marche-en-Famenne", "6900", 1], ["Bastogne", "6600", 1], ["Virton", "6760", 1], ["Neufchâteau", "6840", 1], ["Libramont-Chevigny", "6800"], ["Aubange", "6790"], ["Durbuy", "6940", 1]],
  },
  WALLOON_BRABANT: {
    language: "fr",
    places: [["Wavre", "1300", 1], ["Nivelles", "1400", 1], ["Ottignies-Louvain-la-Neuve", "1340", 1], ["Braine-l'Alleud", "1420"], ["Tubize", "1480"], ["Waterloo", "1410"], ["Jodoigne", "1370", 1], ["Rixensart", "1330"]],
  },
};

/** Every place, province after province. */
export const PLACES: readonly Place[] = Object.entries(PROVINCES).flatMap(([province, { language, places }]) =>
  places.map(([name, postalCode, city]) => ({ name, postalCode, province, language, city: city === 1 })),
);

/**
 * The places consortia are founded in, in founding order: the largest town of each province in
 * turn, then the next of each, so even a handful of consortia spreads over the country.
 */
export function foundingPlaces(): Place[] {
  const byProvince = Object.keys(PROVINCES).map((province) => PLACES.filter((p) => p.province === province));
  const longest = Math.max(...byProvince.map((places) => places.length));
  return Array.from({ length: longest }, (_, rank) => byProvince.map((places) => places[rank]).filter((p): p is Place => p !== undefined)).flat();
}

/** The province's largest town (listed first): its consortium receives more households. */
export const isProvinceCapital = (place: Place): boolean => PLACES.find((p) => p.province === place.province) === place;

/** Another place of the same province, for a neighbouring member. */
export const neighboursOf = (place: Place): Place[] => PLACES.filter((p) => p.province === place.province && p !== place);

const STREETS: Record<Language, readonly string[]> = {
  nl: ["Kerkstraat", "Stationsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat", "Kapelstraat", "Veldstraat", "Beekstraat", "Hoogstraat", "Lindenlaan", "Kouter", "Markt", "Meersstraat", "Zandstraat"],
  fr: ["Rue de la Station", "Rue de l'Église", "Rue du Moulin", "Rue Haute", "Rue Neuve", "Rue des Écoles", "Rue du Centre", "Avenue de la Gare", "Rue de la Paix", "Chaussée de Bruxelles", "Rue des Champs", "Rue du Marché", "Rue Saint-Martin", "Place communale"],
};

export const streetsIn = (place: Place): readonly string[] => STREETS[place.language];
