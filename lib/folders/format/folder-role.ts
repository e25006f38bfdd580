/**
 * Roles in a shared folder (issue 13): a viewer reads and fills, an editor also adds, edits and deletes
 * items, a manager also adds and removes people, changes roles, rotates the key and deletes the folder.
 */
import { z } from 'zod';

export const folderRoleSchema = z.enum(['viewer', 'editor', 'manager']);
export type FolderRole = z.infer<typeof folderRoleSchema>;

const RANK: Record<FolderRole, number> = { viewer: 1, editor: 2, manager: 3 };

/**
 * @param role - what the person holds, or null for no access
 * @param needed - the least role the action needs
 * @returns true when `role` is at least `needed`
 */
export function roleAllows(role: FolderRole | null, needed: FolderRole): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}
