/**
 * Firm records (matters, practice areas, leads, matter parties, internal notes,
 * threads, conflict checks, announcements), each through the admin API as the
 * given admin, else the demo admin of `firm`.
 */
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { Announcement, AnnouncementCreateRequest } from '../../../sdk/schemas/announcements.js';
import type { ConflictCheck, ConflictCheckRequest } from '../../../sdk/schemas/conflict-checks.js';
import type { Lead, LeadCreateRequest } from '../../../sdk/schemas/leads.js';
import type { MatterParty, MatterPartyCreateRequest } from '../../../sdk/schemas/matter-parties.js';
import type { Matter, MatterCreateRequest } from '../../../sdk/schemas/matters.js';
import type { InternalNote } from '../../../sdk/schemas/notes.js';
import type { PracticeArea } from '../../../sdk/schemas/practice-areas.js';
import type { MatterThreadWithMessage } from '../../../sdk/schemas/threads.js';
import type { TestServer } from '../server.js';
import { actor, type DemoFirm } from './people.js';
import { idOf, type Ref } from './owner.js';
import { nextNumber, uniqueEmail, uniqueName } from './unique.js';

type As = { firm?: DemoFirm; admin?: AdminClient };

/** A matter of `client` with a unique title. */
export async function aMatter(
  s: TestServer,
  o: As & Partial<Omit<MatterCreateRequest, 'client_id'>> & { client: Ref },
): Promise<Matter> {
  const { client, firm, admin, ...fields } = o;
  return (await actor(s, { firm, admin })).matters.create({
    title: `Matter ${nextNumber()}`,
    ...fields,
    client_id: idOf(client),
  });
}

/** A practice area with a unique name. */
export async function aPracticeArea(s: TestServer, o: As & { name?: string } = {}): Promise<PracticeArea> {
  return (await actor(s, o)).practiceAreas.create({ name: o.name ?? uniqueName('Area') });
}

/** A lead with a unique name and email, in the 'new' stage unless told otherwise. */
export async function aLead(s: TestServer, o: As & Partial<LeadCreateRequest> = {}): Promise<Lead> {
  const { firm, admin, ...fields } = o;
  return (await actor(s, { firm, admin })).leads.create({
    name: `Lead ${nextNumber()}`,
    email: uniqueEmail('lead'),
    ...fields,
  });
}

/** A party of `matter` (an other party with a unique name unless told otherwise). */
export async function aMatterParty(
  s: TestServer,
  o: As & Partial<MatterPartyCreateRequest> & { matter: Ref },
): Promise<MatterParty> {
  const { matter, firm, admin, ...fields } = o;
  return (await actor(s, { firm, admin })).matterParties.add(idOf(matter), {
    name: `Party ${nextNumber()}`,
    role: 'other',
    ...fields,
  });
}

/** An internal note on a client (or, with `matter`, on a matter). */
export async function aNote(
  s: TestServer,
  o: As & ({ client: Ref } | { matter: Ref }) & { body?: string; pinned?: boolean },
): Promise<InternalNote> {
  const admin = await actor(s, o);
  const body = { body: o.body ?? `Note ${nextNumber()}`, ...(o.pinned === undefined ? {} : { pinned: o.pinned }) };
  return 'client' in o
    ? admin.notes.createForClient(idOf(o.client), body)
    : admin.notes.createForMatter(idOf(o.matter), body);
}

/** A staff discussion thread on `matter`, with its first message. */
export async function aThread(
  s: TestServer,
  o: As & { matter: Ref; subject?: string; body?: string },
): Promise<MatterThreadWithMessage> {
  return (await actor(s, o)).threads.start(idOf(o.matter), {
    subject: o.subject ?? `Thread ${nextNumber()}`,
    body: o.body ?? 'First message.',
  });
}

/** A conflict check run for `parties` (one party with a unique name unless told otherwise). */
export async function aConflictCheck(
  s: TestServer,
  o: As & Partial<ConflictCheckRequest> = {},
): Promise<ConflictCheck> {
  const { firm, admin, ...fields } = o;
  return (await actor(s, { firm, admin })).conflictChecks.run({
    parties: [{ name: `Nobody ${nextNumber()}` }],
    ...fields,
  });
}

/** An announcement with a unique title, published unless `publish` is false. */
export async function anAnnouncement(
  s: TestServer,
  o: As & Partial<AnnouncementCreateRequest> = {},
): Promise<Announcement> {
  const { firm, admin, ...fields } = o;
  const title = fields.title ?? uniqueName('Announcement');
  return (await actor(s, { firm, admin })).announcements.create({
    body: `About ${title}.`,
    publish: true,
    ...fields,
    title,
  });
}
