/** Timers behind one type, so a host's debounce and retries run on the tests' clock too. */
export type Schedule = (callback: () => void, ms: number) => () => void;

export const defaultSchedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};
