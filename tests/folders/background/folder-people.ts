/**
 * Three people on one relay for the folder tests: each with a vault, a sharing identity registered on the
 * relay, and the others pinned as verified contacts (their contact codes), as after meeting in person.
 */
import { addByCode, person, world, type Person, type World } from '../../sharing/background/people';
import type { TestRelay } from '../../sharing/background/relay-harness';

/** Where the team lives: the shared clock and the relay's fetch (the in-process relay, or relay processes). */
export type TeamWorld = Pick<World, 'clock'> & { relay: Pick<TestRelay, 'fetch'> };

export interface Team<W extends TeamWorld = World> {
  w: W;
  alice: Person;
  bob: Person;
  carol: Person;
  /** contactIds[a][b]: a's contact id for b. */
  contactIds: Record<string, Record<string, string>>;
}

/** Alice, Bob and Carol, registered, each with the other two verified; on the in-process relay unless given. */
export async function team(): Promise<Team>;
export async function team<W extends TeamWorld>(w: W): Promise<Team<W>>;
export async function team(given?: TeamWorld): Promise<Team<TeamWorld>> {
  const w = given ?? (await world());
  const people = [await person(w, 'alice'), await person(w, 'bob'), await person(w, 'carol')];
  // The registration goes out with the first sync.
  for (const p of people) await p.call('sharingSync', {});
  const contactIds: Record<string, Record<string, string>> = {};
  for (const a of people) {
    contactIds[a.handle] = {};
    for (const b of people) if (a !== b) contactIds[a.handle]![b.handle] = await addByCode(a, b);
  }
  const [alice, bob, carol] = people as [Person, Person, Person];
  return { w, alice, bob, carol, contactIds };
}

/** A sharing sync (which brings folder keys and then syncs every folder). */
export async function sync(...people: Person[]): Promise<void> {
  for (const p of people) await p.call('sharingSync', {});
}
