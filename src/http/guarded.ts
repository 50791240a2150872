import type { AppContext } from '../context.js';

/**
 * What a guard middleware loaded while authorizing (the request of the path, the signed-in
 * requester), kept for the handler and the form's re-render of the same request, so neither
 * loads it again.
 */
export function guardedValue<T>(name: string) {
  const values = new WeakMap<AppContext, T>();
  return {
    set: (c: AppContext, value: T) => void values.set(c, value),
    of: (c: AppContext): T => {
      if (!values.has(c)) throw new Error(`${name}: its guard did not run`);
      return values.get(c)!;
    },
  };
}
