/**
 * The final report's lessons as numbered lines ("Lesson 2: Notify schools on
 * day one"), the same numbering in Word and Markdown, because a coordinator
 * promotes a lesson into the strategic plan by that number
 * (`/plan promote SV-2027-0042 lesson 2`).
 */
export function lessonLines(lessons: readonly string[]): string[] {
  return lessons.map((lesson, i) => `Lesson ${i + 1}: ${lesson}`);
}
