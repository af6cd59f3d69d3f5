/**
 * What a pure domain rule says is wrong with a request: the input field at fault (a path below
 * `input`), a code (a name of the API's UserErrorCode) and a message for the user.
 */
export interface RuleProblem<Code extends string = string> {
  field: string[];
  code: Code;
  message: string;
}
