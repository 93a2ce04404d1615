import type { Knex } from 'knex';
import { hashPassword } from '../security/passwords.js';
import { invoiceTotals, lineFigures } from '../modules/invoices/money.js';
import { createHash } from 'node:crypto';
import { monogramPng } from './demo-logo.js';
import { seedRecords } from './demo-records.js';

/**
 * The demo data: "Acme Law" (growth plan) with two clients, portal contacts and
 * invoices in every state and two currencies, a second firm that proves
 * isolation, and "Meridian Avocats" (Paris, French by default), whose clients
 * read the portal in their own language and script: Arabic right to left,
 * Spanish, the firm's French, and names and addresses in any script
 * (Łukasz Żółć, Nguyễn Thị Ánh, zoe@ørsted.example).
 * Runs as the owner role. Idempotent: a firm that exists is left alone.
 */
export interface DemoLogin {
  firm: string;
  email: string;
  password: string;
  client: string;
  /** What this login shows, printed beside it (its language, its script). */
  shows?: string;
}

export const demoLogins: DemoLogin[] = [
  { firm: 'acme', email: 'nora@northwind.example', password: 'northwind-portal-2026', client: 'Northwind Traders' },
  { firm: 'acme', email: 'gina@globex.example', password: 'globex-portal-2026', client: 'Globex Corporation' },
  { firm: 'bluebird', email: 'ian@initech.example', password: 'initech-portal-2026', client: 'Initech' },
  {
    firm: 'meridian',
    email: 'sara@alnoor.example',
    password: 'alnoor-portal-2026',
    client: 'Al-Noor Trading',
    shows: 'Arabic, right to left',
  },
  {
    firm: 'meridian',
    email: 'ines@construcciones-pena.example',
    password: 'pena-portal-2026',
    client: 'Construcciones Peña',
    shows: 'Spanish',
  },
  {
    firm: 'meridian',
    email: 'lukasz@zolc.example',
    password: 'zolc-portal-2026',
    client: 'Żółć i Syn',
    shows: "the firm's French; a Polish name",
  },
  {
    firm: 'meridian',
    email: 'anh@nguyen.example',
    password: 'nguyen-portal-2026',
    client: 'Nguyễn Thị Ánh',
    shows: 'English by choice; a Vietnamese name',
  },
  {
    firm: 'meridian',
    email: 'zoe@ørsted.example',
    password: 'orsted-portal-2026',
    client: 'Ørsted Holding',
    shows: 'German; an international email address',
  },
];

interface LineSeed {
  description: string;
  quantity: string;
  unitPrice: number;
  taxRate?: string;
}

interface InvoiceSeed {
  number: string | null;
  status: 'draft' | 'unpaid' | 'partially_paid' | 'paid' | 'cancelled';
  currency: string;
  issuedDaysAgo: number;
  dueInDays: number;
  lines: LineSeed[];
  paid?: number;
  /** How the seeded payment arrived (default a bank transfer), and its reference. */
  paidBy?: { mode: 'bank_transfer' | 'check' | 'cash' | 'other'; reference: string };
  note?: string;
  /** For the firm only: never in the portal or on the PDF. */
  internalNote?: string;
  /** Title of one of the client's matters. */
  matter?: string;
}

interface ContactSeed {
  firstName: string;
  lastName: string;
  email: string;
  primary?: boolean;
  portal?: boolean;
  /** The contact's own language (default: none, the firm's). */
  language?: 'en' | 'es' | 'fr' | 'de' | 'ar';
  textDirection?: 'ltr' | 'rtl';
}

interface ClientSeed {
  number: number;
  name: string;
  contacts: ContactSeed[];
  matters?: {
    number: number;
    title: string;
    status: 'not_started' | 'in_progress' | 'on_hold' | 'cancelled' | 'finished';
    /** Name of one of the firm's practice areas. */
    practiceArea?: string;
    /** Internal notes on the matter (author: a staff email). */
    notes?: NoteSeed[];
    /** Staff discussions on the matter, messages oldest first. */
    threads?: { subject: string; messages: { author: string; body: string }[] }[];
  }[];
  /** Internal notes on the client: the firm's own record, never in the portal. */
  notes?: NoteSeed[];
  invoices: InvoiceSeed[];
}

interface NoteSeed {
  author: string;
  body: string;
  pinned?: boolean;
}

interface FirmSeed {
  slug: string;
  name: string;
  plan: 'solo' | 'growth' | 'multi_practice';
  locale: string;
  currency: string;
  timezone: string;
  /** Invoice numbers are this prefix and the firm's counter (default "INV-"). */
  invoicePrefix?: string;
  /** What the portal's frame shows: the colour, the logo's initials, the footer's details. */
  brand: { color: string; initials: string; address: string; phone: string; email: string; website: string };
  /** How clients pay without Stripe (the invoice page and PDF show them). */
  paymentInstructions: { bankDetails: string; remitTo: string; notes: string };
  staff: {
    firstName: string;
    lastName: string;
    email: string;
    role: 'admin' | 'staff';
    phone?: string;
    /** Minor units of the firm's currency. */
    hourlyRate?: number;
  }[];
  /** The firm's practice areas; `archived` ones stay on their matters only. */
  practiceAreas?: { name: string; archived?: boolean }[];
  clients: ClientSeed[];
}

const hours = (n: string, rate: number): LineSeed => ({
  description: 'Legal services (hours)',
  quantity: n,
  unitPrice: rate,
});

/** The seeded staff logins (printed by `npm start`; tests read them from here). */
export const demoStaffLogins = [
  { firm: 'acme', email: 'ada@acme-law.example', password: 'acme-admin-2026', role: 'admin' },
  { firm: 'acme', email: 'sam@acme-law.example', password: 'acme-staff-2026', role: 'staff' },
  { firm: 'bluebird', email: 'bea@bluebird.example', password: 'bluebird-admin-2026', role: 'admin' },
  { firm: 'meridian', email: 'mila@meridian-avocats.example', password: 'meridian-admin-2026', role: 'admin' },
] as const;

const firms: FirmSeed[] = [
  {
    slug: 'acme',
    name: 'Acme Law',
    plan: 'growth',
    locale: 'en-US',
    currency: 'USD',
    timezone: 'America/New_York',
    brand: {
      color: '#1d4ed8',
      initials: 'AL',
      address: '12 Harbour Street, Suite 400\nSpringfield, IL 62701\nUnited States',
      phone: '+1 217 555 0142',
      email: 'billing@acme-law.example',
      website: 'https://www.acme-law.example/',
    },
    paymentInstructions: {
      bankDetails:
        'Account name: Acme Law LLP\nBank: First Prairie Bank\nRouting number (ABA): 071000013\nAccount number: 4820 1957 36',
      remitTo: 'Acme Law LLP\nAttn: Accounts Receivable\n12 Harbour Street, Suite 400\nSpringfield, IL 62701',
      notes: 'Please quote the invoice number as your payment reference. Cheques payable to "Acme Law LLP".',
    },
    staff: [
      {
        firstName: 'Ada',
        lastName: 'Admin',
        email: 'ada@acme-law.example',
        role: 'admin',
        phone: '+1 212 555 0100',
        hourlyRate: 45000,
      },
      {
        firstName: 'Sam',
        lastName: 'Staff',
        email: 'sam@acme-law.example',
        role: 'staff',
        phone: '+1 212 555 0101',
        hourlyRate: 25000,
      },
    ],
    practiceAreas: [
      { name: 'Commercial litigation' },
      { name: 'Intellectual property' },
      { name: 'Maritime', archived: true },
    ],
    clients: [
      {
        number: 1001,
        name: 'Northwind Traders',
        contacts: [
          { firstName: 'Nora', lastName: 'North', email: 'nora@northwind.example', primary: true, portal: true },
          { firstName: 'Ned', lastName: 'North', email: 'ned@northwind.example' },
        ],
        matters: [
          {
            number: 1,
            title: 'Supply contract dispute',
            status: 'in_progress',
            practiceArea: 'Commercial litigation',
            notes: [
              { author: 'sam@acme-law.example', body: 'Supplier’s counsel hinted at settling before discovery.' },
            ],
            threads: [
              {
                subject: 'Settlement range',
                messages: [
                  { author: 'ada@acme-law.example', body: 'Client would accept 80% of the claim. Thoughts?' },
                  { author: 'sam@acme-law.example', body: 'Reasonable; the delivery logs back us up to 85%.' },
                ],
              },
            ],
          },
          { number: 2, title: 'Trademark filing', status: 'finished', practiceArea: 'Intellectual property' },
        ],
        notes: [
          {
            author: 'ada@acme-law.example',
            body: 'Nora prefers calls after 4pm Eastern; invoices go to accounts payable.',
            pinned: true,
          },
        ],
        invoices: [
          {
            number: null,
            status: 'draft',
            currency: 'USD',
            issuedDaysAgo: 0,
            dueInDays: 30,
            lines: [hours('2', 25000)],
          },
          {
            number: 'INV-0001',
            status: 'paid',
            currency: 'USD',
            issuedDaysAgo: 90,
            dueInDays: 30,
            lines: [hours('4', 25000), { description: 'Filing fee', quantity: '1', unitPrice: 35000 }],
            paid: 135000,
          },
          {
            number: 'INV-0002',
            status: 'partially_paid',
            currency: 'USD',
            issuedDaysAgo: 20,
            dueInDays: 30,
            lines: [hours('6.5', 25000)],
            paid: 50000,
            matter: 'Supply contract dispute',
          },
          {
            number: 'INV-0003',
            status: 'unpaid',
            currency: 'USD',
            issuedDaysAgo: 60,
            dueInDays: 30,
            lines: [hours('3', 25000)],
            note: 'Thank you for your business.',
            matter: 'Supply contract dispute',
          },
          {
            number: 'INV-0004',
            status: 'cancelled',
            currency: 'USD',
            issuedDaysAgo: 45,
            dueInDays: 30,
            lines: [hours('1', 25000)],
          },
          {
            number: 'INV-0005',
            status: 'unpaid',
            currency: 'USD',
            issuedDaysAgo: 5,
            dueInDays: 30,
            lines: [hours('0.25', 25000), { description: 'Courier', quantity: '1', unitPrice: 4999, taxRate: '8.875' }],
            internalNote: 'Client asked for a payment plan; follow up before sending a reminder.',
          },
          {
            number: 'INV-0006',
            status: 'unpaid',
            currency: 'EUR',
            issuedDaysAgo: 3,
            dueInDays: 14,
            lines: [{ description: 'Notarisation (Berlin)', quantity: '1', unitPrice: 18000, taxRate: '19' }],
          },
        ],
      },
      {
        number: 1002,
        name: 'Globex Corporation',
        contacts: [
          { firstName: 'Gina', lastName: 'Globex', email: 'gina@globex.example', primary: true, portal: true },
        ],
        invoices: [
          {
            number: 'INV-0007',
            status: 'unpaid',
            currency: 'GBP',
            issuedDaysAgo: 10,
            dueInDays: 30,
            lines: [hours('2', 30000)],
          },
          {
            number: 'INV-0008',
            status: 'paid',
            currency: 'USD',
            issuedDaysAgo: 40,
            dueInDays: 30,
            lines: [hours('1.5', 30000)],
            paid: 45000,
            paidBy: { mode: 'check', reference: 'Cheque no. 004217' },
          },
        ],
      },
    ],
  },
  {
    slug: 'bluebird',
    name: 'Bluebird Legal',
    plan: 'growth',
    locale: 'en-GB',
    currency: 'GBP',
    timezone: 'Europe/London',
    invoicePrefix: 'BB-',
    brand: {
      color: '#0f766e',
      initials: 'BL',
      address: '3 Kingfisher Yard\nLondon EC2A 4BX\nUnited Kingdom',
      phone: '+44 20 7946 0321',
      email: 'accounts@bluebird.example',
      website: 'https://www.bluebird.example/',
    },
    paymentInstructions: {
      bankDetails:
        'Account name: Bluebird Legal LLP\nBank: Barclays Bank UK\nSort code: 20-00-00\nAccount number: 55779911\nIBAN: GB33 BUKB 2000 0055 7799 11\nSWIFT/BIC: BUKBGB22',
      remitTo: 'Bluebird Legal LLP, Accounts\n3 Kingfisher Yard\nLondon EC2A 4BX',
      notes: 'Use the invoice number (e.g. BB-0001) as the reference. Payment is due within 30 days.',
    },
    staff: [{ firstName: 'Bea', lastName: 'Bird', email: 'bea@bluebird.example', role: 'admin' }],
    clients: [
      {
        number: 2001,
        name: 'Initech',
        contacts: [
          { firstName: 'Ian', lastName: 'Initech', email: 'ian@initech.example', primary: true, portal: true },
        ],
        invoices: [
          {
            number: 'BB-0001',
            status: 'unpaid',
            currency: 'GBP',
            issuedDaysAgo: 7,
            dueInDays: 30,
            lines: [hours('5', 20000)],
          },
        ],
      },
    ],
  },
  {
    slug: 'meridian',
    name: 'Meridian Avocats',
    plan: 'growth',
    locale: 'fr-FR',
    currency: 'EUR',
    timezone: 'Europe/Paris',
    invoicePrefix: 'MA-',
    brand: {
      color: '#7c3aed',
      initials: 'MA',
      address: '18 rue de la Paix\n75002 Paris\nFrance',
      phone: '+33 1 84 88 52 10',
      email: 'facturation@meridian-avocats.example',
      website: 'https://www.meridian-avocats.example/',
    },
    paymentInstructions: {
      bankDetails:
        'Titulaire : Meridian Avocats SELARL\nBanque : Crédit Lyonnais\nIBAN : FR76 3000 2005 5000 0015 7845 Z02\nBIC : CRLYFRPP',
      remitTo: 'Meridian Avocats, Comptabilité\n18 rue de la Paix\n75002 Paris',
      notes: 'Merci d’indiquer le numéro de facture en référence du virement.',
    },
    staff: [
      {
        firstName: 'Mila',
        lastName: 'Mercier',
        email: 'mila@meridian-avocats.example',
        role: 'admin',
        phone: '+33 1 84 88 52 11',
        hourlyRate: 38000,
      },
    ],
    clients: [
      {
        number: 3001,
        name: 'Al-Noor Trading',
        contacts: [
          {
            firstName: 'سارة',
            lastName: 'الحسيني',
            email: 'sara@alnoor.example',
            primary: true,
            portal: true,
            language: 'ar',
            textDirection: 'rtl',
          },
        ],
        invoices: [
          {
            number: 'MA-0001',
            status: 'paid',
            currency: 'EUR',
            issuedDaysAgo: 75,
            dueInDays: 30,
            lines: [{ description: 'استشارة قانونية (ساعات)', quantity: '3', unitPrice: 38000 }],
            paid: 114000,
          },
          {
            number: 'MA-0002',
            status: 'partially_paid',
            currency: 'EUR',
            issuedDaysAgo: 25,
            dueInDays: 30,
            lines: [
              { description: 'مراجعة عقد التوريد', quantity: '1', unitPrice: 150000, taxRate: '20' },
              { description: 'Frais de traduction (arabe – français)', quantity: '1', unitPrice: 24000, taxRate: '20' },
            ],
            paid: 100000,
            note: 'شكراً لثقتكم.',
          },
          {
            number: 'MA-0003',
            status: 'unpaid',
            currency: 'AED',
            issuedDaysAgo: 4,
            dueInDays: 14,
            lines: [{ description: 'تسجيل علامة تجارية في دبي', quantity: '1', unitPrice: 275000 }],
          },
        ],
      },
      {
        number: 3002,
        name: 'Construcciones Peña',
        contacts: [
          {
            firstName: 'Inés',
            lastName: 'Peña',
            email: 'ines@construcciones-pena.example',
            primary: true,
            portal: true,
            language: 'es',
          },
        ],
        invoices: [
          {
            number: 'MA-0004',
            status: 'unpaid',
            currency: 'EUR',
            issuedDaysAgo: 12,
            dueInDays: 30,
            lines: [{ description: 'Asesoría contractual (horas)', quantity: '2.5', unitPrice: 38000, taxRate: '20' }],
          },
        ],
      },
      {
        number: 3003,
        name: 'Żółć i Syn',
        contacts: [
          { firstName: 'Łukasz', lastName: 'Żółć', email: 'lukasz@zolc.example', primary: true, portal: true },
        ],
        invoices: [
          {
            number: 'MA-0005',
            status: 'unpaid',
            currency: 'PLN',
            issuedDaysAgo: 8,
            dueInDays: 21,
            lines: [{ description: 'Opinia prawna — Łódź', quantity: '1', unitPrice: 420000 }],
          },
        ],
      },
      {
        number: 3004,
        name: 'Nguyễn Thị Ánh',
        contacts: [
          {
            firstName: 'Ánh',
            lastName: 'Nguyễn Thị',
            email: 'anh@nguyen.example',
            primary: true,
            portal: true,
            language: 'en',
          },
        ],
        invoices: [
          {
            number: 'MA-0006',
            status: 'unpaid',
            currency: 'EUR',
            issuedDaysAgo: 2,
            dueInDays: 30,
            lines: [{ description: 'Succession — Nguyễn Thị Ánh', quantity: '1', unitPrice: 95000, taxRate: '20' }],
          },
        ],
      },
      {
        number: 3005,
        name: 'Ørsted Holding',
        contacts: [
          {
            firstName: 'Zoë',
            lastName: 'Ørsted',
            email: 'zoe@ørsted.example',
            primary: true,
            portal: true,
            language: 'de',
          },
        ],
        invoices: [
          {
            number: 'MA-0007',
            status: 'unpaid',
            currency: 'DKK',
            issuedDaysAgo: 6,
            dueInDays: 30,
            lines: [{ description: 'Gesellschaftsrechtliche Beratung', quantity: '4', unitPrice: 280000 }],
          },
        ],
      },
    ],
  },
];

const daysFromToday = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function seedFirm(trx: Knex.Transaction, firm: FirmSeed): Promise<void> {
  const [tenant] = await trx('tenants')
    .insert({
      slug: firm.slug,
      name: firm.name,
      plan: firm.plan,
      locale: firm.locale,
      currency: firm.currency,
      timezone: firm.timezone,
      ...(firm.invoicePrefix ? { invoice_prefix: firm.invoicePrefix } : {}),
      primary_color: firm.brand.color,
      address: firm.brand.address,
      phone: firm.brand.phone,
      email: firm.brand.email,
      website: firm.brand.website,
      payment_bank_details: firm.paymentInstructions.bankDetails,
      payment_remit_to: firm.paymentInstructions.remitTo,
      payment_notes: firm.paymentInstructions.notes,
      payment_instructions_updated_at: trx.raw(`now() - interval '45 days'`),
    })
    .returning('id');
  const tenantId = (tenant as { id: string }).id;
  // A logo drawn now (a disc in the firm's colour with its initials), stored as an upload would be.
  const logo = monogramPng(firm.brand.initials, firm.brand.color, 128);
  await trx('tenant_logos').insert({
    tenant_id: tenantId,
    media_type: 'image/png',
    content: logo,
    sha256: createHash('sha256').update(logo).digest('hex'),
    width: 128,
    height: 128,
  });
  // The next invoice sent takes the number after the seeded ones.
  const numbered = firm.clients.flatMap((c) => c.invoices).filter((i) => i.number !== null).length;
  if (numbered) await trx('invoice_counters').insert({ tenant_id: tenantId, last_number: numbered });
  const staffIds = new Map<string, string>();
  for (const s of firm.staff) {
    const login = demoStaffLogins.find((l) => l.email === s.email);
    const [row] = await trx('staff_users')
      .insert({
        tenant_id: tenantId,
        email: s.email,
        first_name: s.firstName,
        last_name: s.lastName,
        role: s.role,
        phone: s.phone ?? null,
        hourly_rate: s.hourlyRate ?? null,
        password_hash: login ? await hashPassword(login.password) : null,
      })
      .returning('id');
    staffIds.set(s.email, (row as { id: string }).id);
  }
  const areaIds = new Map<string, string>();
  for (const area of firm.practiceAreas ?? []) {
    const [row] = await trx('practice_areas')
      .insert({ tenant_id: tenantId, name: area.name, archived_at: area.archived ? trx.fn.now() : null })
      .returning('id');
    areaIds.set(area.name, (row as { id: string }).id);
  }
  const notes = (clientId: string, matterId: string | null, seeds: NoteSeed[] = []) =>
    seeds.length
      ? trx('internal_notes').insert(
          seeds.map((n) => ({
            tenant_id: tenantId,
            client_id: clientId,
            matter_id: matterId,
            author_staff_id: staffIds.get(n.author)!,
            body: n.body,
            pinned: n.pinned ?? false,
          })),
        )
      : undefined;
  for (const c of firm.clients) {
    const [client] = await trx('clients')
      .insert({ tenant_id: tenantId, number: c.number, name: c.name })
      .returning('id');
    const clientId = (client as { id: string }).id;
    for (const person of c.contacts) {
      const login = demoLogins.find((l) => l.email === person.email);
      await trx('contacts').insert({
        tenant_id: tenantId,
        client_id: clientId,
        first_name: person.firstName,
        last_name: person.lastName,
        email: person.email,
        language: person.language ?? null,
        text_direction: person.textDirection ?? 'ltr',
        is_primary: person.primary ?? false,
        portal_access: person.portal ?? false,
        password_hash: login ? await hashPassword(login.password) : null,
      });
    }
    const matterIds = new Map<string, string>();
    for (const m of c.matters ?? []) {
      const [row] = await trx('matters')
        .insert({
          tenant_id: tenantId,
          client_id: clientId,
          number: m.number,
          title: m.title,
          status: m.status,
          practice_area_id: m.practiceArea ? areaIds.get(m.practiceArea)! : null,
        })
        .returning('id');
      const matterId = (row as { id: string }).id;
      matterIds.set(m.title, matterId);
      await notes(clientId, matterId, m.notes);
      for (const th of m.threads ?? []) {
        const [thread] = await trx('matter_threads')
          .insert({
            tenant_id: tenantId,
            matter_id: matterId,
            subject: th.subject,
            created_by_staff_id: staffIds.get(th.messages[0]!.author)!,
            created_at: trx.raw(`now() - make_interval(hours => ?)`, [th.messages.length]),
            last_message_at: trx.raw(`now() - make_interval(hours => 1)`),
          })
          .returning('id');
        // An hour apart, oldest first, the last one an hour ago.
        await trx('matter_thread_messages').insert(
          th.messages.map((msg, i) => ({
            tenant_id: tenantId,
            thread_id: (thread as { id: string }).id,
            author_staff_id: staffIds.get(msg.author)!,
            body: msg.body,
            created_at: trx.raw(`now() - make_interval(hours => ?)`, [th.messages.length - i]),
          })),
        );
      }
    }
    await notes(clientId, null, c.notes);
    // Oldest first, so created_at order follows the invoice numbers.
    for (const [index, inv] of [...c.invoices].sort((a, b) => b.issuedDaysAgo - a.issuedDaysAgo).entries()) {
      const figures = inv.lines.map((l) => lineFigures(l.quantity, l.unitPrice, l.taxRate ?? '0'));
      const totals = invoiceTotals(figures);
      const [row] = await trx('invoices')
        .insert({
          tenant_id: tenantId,
          client_id: clientId,
          number: inv.number,
          status: inv.status,
          currency: inv.currency,
          issue_date: daysFromToday(-inv.issuedDaysAgo),
          due_date: daysFromToday(-inv.issuedDaysAgo + inv.dueInDays),
          ...totals,
          amount_paid: inv.paid ?? 0,
          client_note: inv.note ?? null,
          matter_id: inv.matter ? matterIds.get(inv.matter) : null,
          sent_at: inv.status === 'draft' ? null : trx.raw(`now() - make_interval(days => ?)`, [inv.issuedDaysAgo]),
          last_sent_at:
            inv.status === 'draft' ? null : trx.raw(`now() - make_interval(days => ?)`, [inv.issuedDaysAgo]),
          cancelled_at:
            inv.status === 'cancelled' ? trx.raw(`now() - make_interval(days => ?)`, [inv.issuedDaysAgo - 1]) : null,
          created_at: trx.raw(`now() - make_interval(days => ?) + make_interval(secs => ?)`, [
            inv.issuedDaysAgo,
            index,
          ]),
        })
        .returning('id');
      const invoiceId = (row as { id: string }).id;
      if (inv.internalNote) {
        await trx('invoice_internal_notes').insert({
          tenant_id: tenantId,
          invoice_id: invoiceId,
          note: inv.internalNote,
        });
      }
      await trx('invoice_lines').insert(
        inv.lines.map((l, position) => ({
          tenant_id: tenantId,
          client_id: clientId,
          invoice_id: invoiceId,
          position,
          description: l.description,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          tax_rate: l.taxRate ?? '0',
          amount: figures[position]!.amount,
          tax: figures[position]!.tax,
        })),
      );
      if (inv.paid) {
        await trx('payments').insert({
          tenant_id: tenantId,
          client_id: clientId,
          invoice_id: invoiceId,
          amount: inv.paid,
          currency: inv.currency,
          method: 'manual',
          mode: inv.paidBy?.mode ?? 'bank_transfer',
          reference: inv.paidBy?.reference ?? 'Bank transfer',
          paid_at: trx.raw(`now() - make_interval(days => ?)`, [Math.max(inv.issuedDaysAgo - 10, 0)]),
        });
      }
    }
  }
  await seedRecords(trx, tenantId, firm.slug);
}

/** Seeds the firms that are missing; returns the slugs it created. */
export async function seedDemo(owner: Knex): Promise<string[]> {
  const created: string[] = [];
  for (const firm of firms) {
    await owner.transaction(async (trx) => {
      const exists = await trx('tenants').where({ slug: firm.slug }).first();
      if (exists) return;
      await seedFirm(trx, firm);
      created.push(firm.slug);
    });
  }
  return created;
}

export async function isEmpty(owner: Knex): Promise<boolean> {
  const row = await owner('tenants').count<{ count: string }[]>('* as count').first();
  return Number(row?.count ?? 0) === 0;
}
