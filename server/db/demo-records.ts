import type { Knex } from 'knex';

/**
 * The demo firm's staff-only records: a lead pipeline, the parties of a matter
 * and one conflict check that found one of them. Seeded after the firm's staff,
 * clients and matters (see seedFirm in demo.ts).
 */
interface RecordsSeed {
  leads: {
    name: string;
    email?: string;
    phone?: string;
    company?: string;
    stage: 'new' | 'contacted' | 'qualified' | 'proposal' | 'won' | 'lost';
    source?: string;
    /** Email of a staff user of the firm. */
    owner?: string;
    value?: number;
    notes?: string;
  }[];
  /** By matter title. */
  parties: Record<
    string,
    {
      name: string;
      email?: string;
      role: 'client' | 'opposing_party' | 'opposing_counsel' | 'witness' | 'related_party' | 'other';
    }[]
  >;
  /** A check run by this staff user for these names; it found the party named `found` (on its name). */
  check?: { by: string; parties: string[]; found: string; note: string };
}

export const demoRecords: Record<string, RecordsSeed> = {
  acme: {
    leads: [
      {
        name: 'Gavin Belson',
        email: 'gavin@hooli.example',
        company: 'Hooli, Inc.',
        stage: 'qualified',
        source: 'referral',
        owner: 'ada@acme-law.example',
        value: 2_500_000,
        notes: 'Wants a second opinion on a patent dispute.',
      },
      {
        name: 'Richard Hendricks',
        email: 'richard@piedpiper.example',
        company: 'Pied Piper',
        stage: 'new',
        source: 'website',
      },
      {
        name: 'Monica Hall',
        phone: '+1 650 555 0134',
        company: 'Raviga Capital',
        stage: 'proposal',
        source: 'event',
        owner: 'sam@acme-law.example',
        value: 900_000,
      },
    ],
    parties: {
      'Supply contract dispute': [
        { name: 'Northwind Traders', email: 'nora@northwind.example', role: 'client' },
        { name: 'Initrode Ltd', role: 'opposing_party' },
        { name: 'Bob Slydell', email: 'bob@slydell-law.example', role: 'opposing_counsel' },
        { name: 'Milton Waddams', role: 'witness' },
      ],
    },
    check: {
      by: 'ada@acme-law.example',
      parties: ['Initrode Limited', 'Peter Gibbons'],
      found: 'Initrode Ltd',
      note: 'Before taking on Initrode as a client',
    },
  },
};

export async function seedRecords(trx: Knex.Transaction, tenantId: string, slug: string): Promise<void> {
  const seed = demoRecords[slug];
  if (!seed) return;
  const staffId = async (email: string) =>
    ((await trx('staff_users').where({ tenant_id: tenantId, email }).first('id')) as { id: string }).id;
  const { currency } = (await trx('tenants').where({ id: tenantId }).first('currency')) as { currency: string };
  for (const [index, lead] of seed.leads.entries()) {
    await trx('leads').insert({
      tenant_id: tenantId,
      name: lead.name,
      email: lead.email ?? null,
      phone: lead.phone ?? null,
      company: lead.company ?? null,
      stage: lead.stage,
      source: lead.source ?? null,
      owner_id: lead.owner ? await staffId(lead.owner) : null,
      value: lead.value ?? null,
      currency,
      notes: lead.notes ?? null,
      // In list order, newest last.
      created_at: trx.raw(`now() - make_interval(days => ?)`, [seed.leads.length - index]),
    });
  }
  const partyIds = new Map<string, string>();
  for (const [title, parties] of Object.entries(seed.parties)) {
    const matter = (await trx('matters').where({ tenant_id: tenantId, title }).first('id')) as { id: string };
    for (const party of parties) {
      const [row] = await trx('matter_parties')
        .insert({
          tenant_id: tenantId,
          matter_id: matter.id,
          name: party.name,
          email: party.email ?? null,
          role: party.role,
        })
        .returning('id');
      partyIds.set(party.name, (row as { id: string }).id);
    }
  }
  if (seed.check) {
    const [check] = await trx('conflict_checks')
      .insert({
        tenant_id: tenantId,
        parties: JSON.stringify(seed.check.parties.map((name) => ({ name, email: null }))),
        result: 'potential_conflict',
        note: seed.check.note,
        run_by_type: 'staff',
        run_by_id: await staffId(seed.check.by),
      })
      .returning('id');
    await trx('conflict_check_matches').insert({
      tenant_id: tenantId,
      check_id: (check as { id: string }).id,
      position: 0,
      party_index: 0,
      kind: 'matter_party',
      record_id: partyIds.get(seed.check.found),
      matched_name: seed.check.found,
      matched_email: null,
      matched_on: 'name',
    });
  }
}
