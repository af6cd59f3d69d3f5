/** What makes a task template well formed: pure, no database or GraphQL. */
import type { Translated } from "../../graphql/language";
import type { RuleProblem } from "../../shared/rule-problem";
import { type DueAnchor, type KeyMoment, TaskCategory } from "../tasks/task-vocabulary";

/** Upper-case words joined by underscores, like the standard path's REGISTER_AT_COMMUNE. */
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const CODE_MAX_LENGTH = 64;

export interface TemplateRequest {
  code: string;
  category: TaskCategory;
  titles: Translated;
  dueAnchor: DueAnchor;
  dueOffsetMonths: number;
  dueOffsetDays: number;
  perSchoolAgeChild: boolean;
  keyMoment: KeyMoment | null;
}

export interface TemplateValues extends Omit<TemplateRequest, "titles"> {
  titleNl: string;
  titleFr: string;
  titleEn: string;
}

export type TemplateProblem = RuleProblem<"INVALID" | "REQUIRED">;

/** The columns of a new template (code and titles trimmed), or what is wrong with the request. */
export function newTemplate(request: TemplateRequest): { values: TemplateValues; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const code = request.code.trim();
  if (!CODE.test(code) || code.length > CODE_MAX_LENGTH) {
    problems.push({ field: ["code"], code: "INVALID", message: `The code is upper-case words joined by underscores, at most ${CODE_MAX_LENGTH} characters, e.g. REGISTER_AT_COMMUNE.` });
  }
  const titles = { nl: request.titles.nl.trim(), fr: request.titles.fr.trim(), en: request.titles.en.trim() };
  for (const language of ["nl", "fr", "en"] as const) {
    if (!titles[language]) problems.push({ field: ["titles", language], code: "REQUIRED", message: "Give the title in each language." });
  }
  if (request.keyMoment && request.category !== TaskCategory.COOPERATION) {
    problems.push({ field: ["keyMoment"], code: "INVALID", message: "Key-moment reports are COOPERATION tasks." });
  }
  if (request.keyMoment && request.perSchoolAgeChild) {
    problems.push({ field: ["perSchoolAgeChild"], code: "INVALID", message: "A key-moment report is one per household, not one per child." });
  }
  const { category, dueAnchor, dueOffsetMonths, dueOffsetDays, perSchoolAgeChild, keyMoment } = request;
  const values = { code, category, dueAnchor, dueOffsetMonths, dueOffsetDays, perSchoolAgeChild, keyMoment };
  return { values: { ...values, titleNl: titles.nl, titleFr: titles.fr, titleEn: titles.en }, problems };
}
