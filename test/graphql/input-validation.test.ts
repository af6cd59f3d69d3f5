import { MaxLength, ValidateNested } from "class-validator";
import { NotBlank, inputErrors } from "../../src/graphql/input-validation";

class Line {
  @MaxLength(20)
  text: string;
}

class Sample {
  @NotBlank()
  name: string;

  @ValidateNested({ each: true })
  lines: Line[];
}

const sample = (name: string, lines: string[] = []) => Object.assign(new Sample(), { name, lines: lines.map((text) => Object.assign(new Line(), { text })) });
const problems = async (input: object) => (await inputErrors(input)).map((e) => `${e.field.join(".")}:${e.code}`);

describe("mutation input validation", () => {
  it("refuses text holding U+0000 or half a surrogate pair anywhere in the input, at its field path (PostgreSQL cannot store them)", async () => {
    expect(await problems(sample("Gent\u0000", ["fine", "line\udfff", "\ud83d"]))).toEqual(["input.name:INVALID", "input.lines.1.text:INVALID", "input.lines.2.text:INVALID"]);
    expect(await problems(sample("Gent 😀", ["fine"]))).toEqual([]);
  });

  it("refuses blank text where it is stored trimmed, as REQUIRED", async () => {
    expect(await problems(sample(" \t\n\u00a0"))).toEqual(["input.name:REQUIRED"]);
    expect(await problems(sample(" Gent "))).toEqual([]);
  });
});
