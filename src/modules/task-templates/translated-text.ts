import { Length } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import type { Language, Translated } from "../../graphql/language";

@ObjectType({ simpleResolvers: true, description: "A text in the programme's three languages." })
export class TranslatedText implements Translated {
  @Field({ description: "Dutch." })
  nl: string;

  @Field({ description: "French." })
  fr: string;

  @Field({ description: "English." })
  en: string;
}

@InputType({ description: "A text in the programme's three languages; each trimmed, 1 to 200 characters." })
export class TranslatedTextInput implements Translated {
  @Field()
  @Length(1, 200)
  nl: string;

  @Field()
  @Length(1, 200)
  fr: string;

  @Field()
  @Length(1, 200)
  en: string;
}

/** A template's title as stored, in every language. */
export interface TitledTemplate {
  titleNl: string;
  titleFr: string;
  titleEn: string;
}

export const titlesOf = (template: TitledTemplate): TranslatedText =>
  Object.assign(new TranslatedText(), { nl: template.titleNl, fr: template.titleFr, en: template.titleEn });

/** The column of a template's title in a language, in SQL over the template's alias. */
export const titleColumn = (alias: string, language: Language): string => `${alias}.title_${language}`;

/** The title in the reader's language (Accept-Language; English by default). */
export const titleIn = (template: TitledTemplate, language: Language): string => titlesOf(template)[language];
