import { z } from 'zod';

/** A select's chosen id: a positive whole number, or `message` ("Select the partner"). */
export function choiceField(message: string) {
  return z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{0,9}$/, message)
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, message);
}
