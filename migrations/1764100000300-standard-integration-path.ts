import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The standard integration path every household starts with (DESIGN: TaskTemplate). Due dates
 * count from the start of the accompaniment unless anchored at its end:
 * - commune registration within 8 days (the legal term for registering a new resident);
 * - PCSW registration within the first week, then the integration income (leefloon / revenu
 *   d'intégration), the bank account it is paid into and the arrival report within two weeks;
 * - health insurance (ziekenfonds / mutualité), school enrolment (one task per child of
 *   compulsory school age) and housing within the first month; the language course within two;
 * - key-moment reports at 3 and 6 months and on the last day; the search for the next home
 *   3 months before the end.
 * Written here rather than imported from the code, so the migration stays what it was.
 */
const TEMPLATES: ReadonlyArray<{
  code: string;
  category: string;
  nl: string;
  fr: string;
  en: string;
  anchor?: "ACCOMPANIMENT_END";
  months?: number;
  days?: number;
  perChild?: boolean;
  keyMoment?: string;
}> = [
  { code: "REGISTER_AT_COMMUNE", category: "ADMINISTRATION", nl: "Inschrijving bij de gemeente", fr: "Inscription à la commune", en: "Register at the commune", days: 8 },
  { code: "REGISTER_AT_PCSW", category: "INCOME", nl: "Inschrijving bij het OCMW", fr: "Inscription au CPAS", en: "Register at the PCSW", days: 7 },
  { code: "APPLY_INTEGRATION_INCOME", category: "INCOME", nl: "Aanvraag leefloon", fr: "Demande de revenu d'intégration", en: "Apply for the integration income", days: 14 },
  { code: "HEALTH_INSURANCE", category: "HEALTH", nl: "Aansluiting bij een ziekenfonds", fr: "Affiliation à une mutualité", en: "Join a health insurance fund", months: 1 },
  { code: "OPEN_BANK_ACCOUNT", category: "ADMINISTRATION", nl: "Bankrekening openen", fr: "Ouverture d'un compte bancaire", en: "Open a bank account", days: 14 },
  { code: "ENROL_AT_SCHOOL", category: "EDUCATION", nl: "Inschrijving op school", fr: "Inscription à l'école", en: "Enrol at school", months: 1, perChild: true },
  { code: "LANGUAGE_COURSE", category: "INTEGRATION", nl: "Inschrijving voor een taalcursus", fr: "Inscription à un cours de langue", en: "Enrol in a language course", months: 2 },
  { code: "FIND_HOUSING", category: "HOUSING", nl: "Woning zoeken", fr: "Recherche d'un logement", en: "Find housing", months: 1 },
  {
    code: "SEARCH_NEXT_HOME",
    category: "HOUSING",
    nl: "Zoektocht naar de volgende woning starten",
    fr: "Commencer la recherche du prochain logement",
    en: "Start the search for the next home",
    anchor: "ACCOMPANIMENT_END",
    months: -3,
  },
  { code: "KEY_MOMENT_REPORT_ARRIVAL", category: "COOPERATION", nl: "Rapport sleutelmoment: aankomst", fr: "Rapport moment clé : arrivée", en: "Key-moment report: arrival", days: 14, keyMoment: "ARRIVAL" },
  { code: "KEY_MOMENT_REPORT_3_MONTHS", category: "COOPERATION", nl: "Rapport sleutelmoment: 3 maanden", fr: "Rapport moment clé : 3 mois", en: "Key-moment report: 3 months", months: 3, keyMoment: "MONTH_3" },
  { code: "KEY_MOMENT_REPORT_6_MONTHS", category: "COOPERATION", nl: "Rapport sleutelmoment: 6 maanden", fr: "Rapport moment clé : 6 mois", en: "Key-moment report: 6 months", months: 6, keyMoment: "MONTH_6" },
  {
    code: "KEY_MOMENT_REPORT_END",
    category: "COOPERATION",
    nl: "Rapport sleutelmoment: einde begeleiding",
    fr: "Rapport moment clé : fin de l'accompagnement",
    en: "Key-moment report: end of accompaniment",
    anchor: "ACCOMPANIMENT_END",
    keyMoment: "END",
  },
];

export class StandardIntegrationPath1764100000300 implements MigrationInterface {
  name = "StandardIntegrationPath1764100000300";

  async up(db: QueryRunner): Promise<void> {
    const columns = ["code", "category", "title_nl", "title_fr", "title_en", "due_anchor", "due_offset_months", "due_offset_days", "per_school_age_child", "key_moment", "sort_order"];
    const rows = TEMPLATES.map((t, i) => [
      t.code, t.category, t.nl, t.fr, t.en, t.anchor ?? "ACCOMPANIMENT_START", t.months ?? 0, t.days ?? 0, t.perChild ?? false, t.keyMoment ?? null, (i + 1) * 10,
    ]);
    const placeholders = rows.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    await db.query(`INSERT INTO task_template (${columns.join(", ")}) VALUES ${placeholders.join(", ")}`, rows.flat());
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM task_template WHERE code = ANY($1)`, [TEMPLATES.map((t) => t.code)]);
  }
}
