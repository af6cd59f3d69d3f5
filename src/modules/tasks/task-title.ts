/** How a task is titled for a reader: pure, no database or GraphQL. */

/** What a task's title is made of besides its own title: its template's title in the reader's language and the name of the child it is about. */
export interface TaskTitleParts {
  templateTitle: string | null;
  childName: string | null;
}

/**
 * The template's title (already in the reader's language), else the task's own title; a task
 * about one child (school enrolment) ends with the child's given name, so a family's tasks stay apart.
 */
export function taskTitle(templateTitle: string | null, ownTitle: string | null, childName: string | null): string {
  const title = templateTitle ?? ownTitle ?? "";
  return childName ? `${title}: ${childName}` : title;
}
