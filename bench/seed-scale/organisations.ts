/** The organisations of the scale programme and their users, made once each and kept by name. */
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { type Language, PLACES, type Place } from "./places";
import type { ScaleRandom } from "./scale-random";

export type OrganisationKind = "CITY" | "MUNICIPALITY" | "PCSW" | "NGO" | "FEDASIL" | "EVALUATOR";
export type UserRole = "PARTNER_STAFF" | "PARTNER_COORDINATOR" | "FEDASIL_STAFF" | "FEDASIL_ADMIN" | "EVALUATOR";

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  place: Place;
  enterpriseNumber: string;
  /** Token subjects start with `role@` and end with this: coordinator@stad-gent. */
  slug: string;
  users: Array<{ id: string; role: UserRole; subject: string; displayName: string }>;
}

/** National NGOs that join consortia all over their language area. */
const NATIONAL_NGOS: Record<Language, ReadonlyArray<[name: string, place: string]>> = {
  nl: [["Vluchtelingenwerk Vlaanderen", "Schaerbeek"], ["Caritas Vlaanderen", "Bruxelles"], ["Rode Kruis Vlaanderen", "Mechelen"], ["Solentra", "Bruxelles"], ["Orbit vzw", "Bruxelles"], ["Atlas Integratie en Inburgering", "Antwerpen"]],
  fr: [["Caritas International", "Saint-Josse-ten-Noode"], ["CIRÉ", "Ixelles"], ["Convivial", "Forest"], ["Croix-Rouge de Belgique", "Bruxelles"], ["Service Social des Étrangers", "Bruxelles"], ["Mentor-Escale", "Bruxelles"]],
};

const GIVEN: Record<Language, readonly string[]> = {
  nl: ["Els", "Pieter", "Sofie", "Jonas", "Lotte", "Koen", "Hanne", "Wout", "Sarah", "Tom", "An", "Bram", "Inge", "Jeroen", "Nele", "Stijn"],
  fr: ["Marie", "Julien", "Anne", "Thomas", "Claire", "Antoine", "Sophie", "Nicolas", "Camille", "Olivier", "Isabelle", "Maxime", "Céline", "Laurent", "Aurélie", "François"],
};
const FAMILY: Record<Language, readonly string[]> = {
  nl: ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "Hermans", "Dubois"],
  fr: ["Dubois", "Lambert", "Dupont", "Martin", "Lejeune", "Renard", "Lemaire", "Simon", "Laurent", "Leclercq", "Collard", "Gilson", "Mathieu", "Charlier"],
};

/** Every organisation made so far, in the order made; the same name gives the same organisation. */
export class OrganisationRegistry {
  readonly all: Organisation[] = [];
  private readonly byName = new Map<string, Organisation>();
  private readonly numbers = new Set<string>();
  private readonly slugs = new Set<string>();

  constructor(private readonly random: ScaleRandom) {}

  /** The city or municipality itself. */
  commune(place: Place): Organisation {
    const kind = place.city ? "CITY" : "MUNICIPALITY";
    const word = { nl: place.city ? "Stad" : "Gemeente", fr: place.city ? "Ville" : "Commune" }[place.language];
    return this.get(kind, place.language === "nl" ? `${word} ${place.name}` : `${word} ${of(place.name)}`, place);
  }

  /** Its public centre for social welfare: OCMW / CPAS. */
  pcsw(place: Place): Organisation {
    return this.get("PCSW", place.language === "nl" ? `OCMW ${place.name}` : `CPAS ${of(place.name)}`, place);
  }

  /** A local welcome organisation; `second` names another one of the same town. */
  localNgo(place: Place, second = false): Organisation {
    const names = place.language === "nl" ? ["Welkom", "Samen Thuis"] : ["Accueil", "Solidarité"];
    const suffix = place.language === "nl" ? "vzw" : "asbl";
    return this.get("NGO", `${names[second ? 1 : 0]} ${place.name} ${suffix}`, place);
  }

  nationalNgo(language: Language): Organisation {
    const [name, town] = this.random.pick(NATIONAL_NGOS[language]);
    return this.get("NGO", name, PLACES.find((p) => p.name === town)!);
  }

  get(kind: OrganisationKind, name: string, place: Place): Organisation {
    const known = this.byName.get(name);
    if (known) return known;
    const organisation: Organisation = { id: this.random.id(), kind, name, place, enterpriseNumber: this.enterpriseNumber(), slug: this.slug(name), users: [] };
    this.byName.set(name, organisation);
    this.all.push(organisation);
    return organisation;
  }

  /** Adds a user of the organisation with a subject like coordinator@cpas-de-liege. */
  addUser(organisation: Organisation, role: UserRole, login: string): string {
    const language = organisation.place.language;
    const displayName = `${this.random.pick(GIVEN[language])} ${this.random.pick(FAMILY[language])}`;
    const id = this.random.id();
    organisation.users.push({ id, role, subject: `${login}@${organisation.slug}`, displayName });
    return id;
  }

  private enterpriseNumber(): string {
    for (;;) {
      const number = withCheckDigits(`0${this.random.int(2000000, 9999999)}`);
      if (!this.numbers.has(number)) {
        this.numbers.add(number);
        return number;
      }
    }
  }

  private slug(name: string): string {
    const base = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    let slug = base;
    for (let n = 2; this.slugs.has(slug); n++) slug = `${base}-${n}`;
    this.slugs.add(slug);
    return slug;
  }
}

/** "de Liège", "d'Anderlecht". */
const of = (name: string): string => (/^[AEIOUÉ]/i.test(name) ? `d'${name}` : `de ${name}`);
