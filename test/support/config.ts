/** What a configuration reader says is wrong with an environment (nothing when it reads it). */
import { ConfigError } from "../../src/config.js";

export function configProblems(read: (env: Record<string, string>) => unknown) {
  return (env: Record<string, string>): string[] => {
    try {
      read(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };
}
