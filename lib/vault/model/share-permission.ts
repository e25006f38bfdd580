/**
 * What a recipient may do with a shared item: the one permission enum (envelopes, grants, messages, the
 * list). "autofill-only" hides the password in Sealpass; it is a convenience, not protection.
 */
import { z } from 'zod';

export const permissionSchema = z.enum(['view', 'edit', 'autofill-only']);
export type Permission = z.infer<typeof permissionSchema>;
