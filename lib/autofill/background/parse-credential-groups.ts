/**
 * Shared-credential groups (Apple's password-manager-resources `quirks/shared-credentials.json`, copied in
 * lib/quirks with its MIT licence): sites that use one account. `{ "shared": [...] }` makes every listed site
 * equivalent to every other; `{ "from": [...], "to": [...] }` offers logins saved for a `from` site on the `to`
 * sites only, one way. Read by the background only; the content script never bundles this data.
 */
import { z } from 'zod';
import { siteOf } from '../../vault/records/blind-index';

const domains = z.array(z.string().min(1).max(253)).min(1);
const groupsSchema = z.array(
  z.union([
    z.object({ shared: domains }),
    z.object({ from: domains, to: domains, fromDomainsAreObsoleted: z.boolean().optional() }),
  ]),
);

/** Page site → the other sites whose logins may be offered on it. Sites are registrable domains, lower-case. */
export type CredentialGroups = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Builds the lookup table from the quirks file's JSON.
 * @param raw - the parsed JSON array (about 100 groups, 600 domains)
 * @throws ZodError when the data does not have the quirks file's shape
 * @example parseCredentialGroups([{ shared: ['a.com', 'b.com'] }]).get('b.com') // Set { 'a.com' }
 */
export function parseCredentialGroups(raw: unknown): CredentialGroups {
  const groups = new Map<string, Set<string>>();
  const offer = (savedFor: string | null, page: string | null) => {
    if (!savedFor || !page || savedFor === page) return;
    let set = groups.get(page);
    if (!set) groups.set(page, (set = new Set()));
    set.add(savedFor);
  };
  for (const group of groupsSchema.parse(raw)) {
    if ('shared' in group) {
      const sites = group.shared.map(siteOf);
      for (const a of sites) for (const b of sites) offer(a, b);
    } else {
      for (const from of group.from) for (const to of group.to) offer(siteOf(from), siteOf(to));
    }
  }
  return groups;
}
