import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1): about 30-60 ms here, dear for a guesser.
const options = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Whether `password` matches the PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}
