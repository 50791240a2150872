import { z } from 'zod';

/**
 * A member's own seat or waitlist place, on a list of sessions with a capacity (events, training
 * sessions): `status` and whatever else the kind of session keeps, then `waitlistPosition`
 * (1 = next in line; null with a seat). null: none; absent for whoever has none to have.
 */
export const ownSeatSchema = <Shape extends z.ZodRawShape>(shape: Shape, description: string) =>
  z
    .object({ ...shape, waitlistPosition: z.number().int().nullable() })
    .nullable()
    .optional()
    .describe(description);
