/** What the members write, in the consortium's language: reasons, comments, titles, minutes. */
import type { Language } from "./places";

type Texts = Record<Language, readonly string[]>;

export const EXIT_REASONS: Texts = {
  nl: ["Het gezin is verhuisd naar familie in Duitsland.", "Het gezin is vertrokken naar een ander land.", "Het gezin woont zelfstandig in een andere regio en wenst geen begeleiding meer."],
  fr: ["La famille a rejoint des proches aux Pays-Bas.", "La famille a quitté la Belgique.", "La famille s'est installée dans une autre région et ne souhaite plus d'accompagnement."],
};

export const NOT_APPLICABLE_REASONS: Texts = {
  nl: ["Al geregeld tijdens het verblijf in het opvangcentrum.", "De persoon heeft werk gevonden: geen recht.", "Niet van toepassing voor deze gezinssituatie."],
  fr: ["Déjà réglé pendant le séjour en centre d'accueil.", "La personne a trouvé un emploi : pas de droit.", "Sans objet pour cette situation familiale."],
};

export const BLOCKED_REASONS: Texts = {
  nl: ["Wacht op de verblijfskaart van de gemeente.", "De school heeft geen plaats meer; wachtlijst.", "Geen afspraak mogelijk voor volgende maand."],
  fr: ["En attente de la carte de séjour de la commune.", "Plus de place à l'école ; liste d'attente.", "Pas de rendez-vous possible avant le mois prochain."],
};

export const COMMENTS: Texts = {
  nl: ["Afspraak gemaakt, de tolk is geregeld.", "Documenten zijn binnengebracht; we wachten op antwoord.", "Het gezin vraagt of dit na de vakantie kan.", "Gebeld met de dienst: volgende week meer nieuws."],
  fr: ["Rendez-vous pris, l'interprète est prévu.", "Les documents ont été déposés ; nous attendons la réponse.", "La famille demande si cela peut attendre après les vacances.", "Appel au service : plus d'informations la semaine prochaine."],
};

export const HANDOVER_MESSAGES: Texts = {
  nl: ["Jullie kennen deze dienst beter: kunnen jullie dit overnemen?", "Wij hebben deze week geen capaciteit meer."],
  fr: ["Vous connaissez mieux ce service : pouvez-vous reprendre ?", "Nous n'avons plus de capacité cette semaine."],
};

export const DECLINE_REASONS: Texts = {
  nl: ["Valt niet onder onze opdracht in dit consortium.", "Onze maatschappelijk werker is afwezig tot volgende maand."],
  fr: ["Cela ne relève pas de notre mission dans ce consortium.", "Notre assistant social est absent jusqu'au mois prochain."],
};

/** Work a coordinator adds beside the standard path, per category. */
export const EXTRA_TASKS: Record<string, Texts> = {
  HEALTH: { nl: ["Afspraak bij de huisarts", "Tandarts voor de kinderen", "Vaccinaties in orde brengen"], fr: ["Rendez-vous chez le médecin traitant", "Dentiste pour les enfants", "Mettre les vaccinations en ordre"] },
  INCOME: { nl: ["Groeipakket aanvragen", "Huurwaarborg regelen"], fr: ["Demander les allocations familiales", "Régler la garantie locative"] },
  ADMINISTRATION: { nl: ["Rijbewijs laten omwisselen", "Energiecontract afsluiten"], fr: ["Échanger le permis de conduire", "Souscrire un contrat d'énergie"] },
  INTEGRATION: { nl: ["Inschrijven bij de sportclub", "Kennismaking met een buddy"], fr: ["Inscription au club de sport", "Rencontre avec un parrain"] },
  HOUSING: { nl: ["Meubels ophalen bij de kringwinkel", "Brandverzekering afsluiten"], fr: ["Récupérer des meubles à la ressourcerie", "Souscrire une assurance incendie"] },
};

export const MEETING = {
  title: { nl: "Consortiumoverleg", fr: "Réunion du consortium" },
  summary: {
    nl: "Overlopen van de lopende begeleidingen, de taken die vastzitten en de gezinnen van wie de begeleiding binnenkort afloopt.",
    fr: "Tour des accompagnements en cours, des tâches bloquées et des familles dont l'accompagnement se termine bientôt.",
  },
  decisions: {
    nl: ["Het OCMW volgt de leefloonaanvragen centraal op.", "Volgend overleg over twee maanden.", "We zoeken samen extra woningen via het sociaal verhuurkantoor."],
    fr: ["Le CPAS suit les demandes de revenu d'intégration.", "Prochaine réunion dans deux mois.", "Nous cherchons ensemble des logements via l'agence immobilière sociale."],
  },
} as const;

export const EVALUATION = {
  title: { nl: "Jaarlijkse evaluatie met Fedasil", fr: "Évaluation annuelle avec Fedasil" },
  summary: { nl: "De partners werken goed samen; de overdracht van taken verloopt vlot.", fr: "Les partenaires collaborent bien ; les reprises de tâches se font rapidement." },
} as const;

export const FEEDBACK = {
  title: { nl: "Feedback van het gezin", fr: "Retour de la famille" },
  summary: { nl: "Het gezin is tevreden over de woning en vraagt meer hulp bij het zoeken naar werk.", fr: "La famille est satisfaite du logement et souhaite plus d'aide pour trouver un emploi." },
} as const;

export const ADJUSTMENT_REASONS: readonly string[] = ["Correction after the annual audit of the agreement.", "Advance on exceptional medical costs agreed with Fedasil.", "Double payment recovered."];
