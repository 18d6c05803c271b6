/** The budget year a form is for, as every front end proposes and accepts it. */

/** The years a budget form may be for; anything outside is a typing mistake. */
export const MIN_BUDGET_YEAR = 2000;
export const MAX_BUDGET_YEAR = 2100;

/** The budget year a new form is for: next year's budget is prepared this year. */
export function nextBudgetYear(today: Date): number {
  return today.getFullYear() + 1;
}
