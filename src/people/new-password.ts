import { z } from 'zod';

export const minimumPasswordLength = 12;
export const maximumPasswordLength = 1024;

/**
 * A password someone chooses: at least 12 characters (length is what makes a password hard to guess; no
 * rules about symbols), at most 1,024 (argon2 would take any length, but a megabyte is an attack).
 */
export const newPassword = z
  .string()
  .min(1, 'Enter a password')
  .min(minimumPasswordLength, `Password must be ${minimumPasswordLength} characters or more`)
  .max(maximumPasswordLength, 'Password must be 1,024 characters or fewer');
