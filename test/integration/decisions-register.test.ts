import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadBuiltInGeography } from '../../src/areas/load-built-in-geography.js';
import type { Db } from '../../src/db/db.js';
import { decisionExpenditures } from '../../src/decisions/decision-expenditures-table.js';
import { decisions } from '../../src/decisions/decisions-table.js';
import { seedDecisionsDemo } from '../../src/decisions/seed-decisions-demo.js';
import { loadBuiltInOrganisations } from '../../src/people/built-in-organisations.js';
import { organisations } from '../../src/people/organisations-table.js';
import { programmes } from '../../src/programmes/programmes-table.js';
import { createTestDecision } from '../support/decision-fixtures.js';
import { createStaffFixtures, signIn } from '../support/staff-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.js';

const demoReferences = ['MD2439', 'MD2704', 'MD2799', 'MD3012', 'ADD2664', 'ADD2692', 'MD3326', 'ADD2763'];

/** The references in a page of the register, in order. */
const referencesIn = (html: string) =>
  [
    ...html.matchAll(
      /<td class="govuk-table__cell"><a class="govuk-link" href="\/decisions\/[^"]+">([^<]+)<\/a><\/td>/g,
    ),
  ].map((m) => m[1]!);

/** Tags open and close in order: enough to know the feed is well-formed XML. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes what was opened`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
  assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot|apos);/g, ''), /&/, 'every & is an entity');
}

for (const kind of databaseKinds()) {
  describe(`the public register of decisions (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let db: Db;
    let councils: number;
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.database.db;
      await loadBuiltInGeography(db);
      await loadBuiltInOrganisations(db);
      const organisationIds = new Map(
        (await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [
          o.slug,
          o.id,
        ]),
      );
      await db.transaction(async (trx) => {
        assert.equal(await seedDecisionsDemo({ db: trx, organisationIds, ids: new Map() }), 8 + 15 + 1 + 5);
      });
      councils = organisationIds.get('london-councils')!;
      const f = await createStaffFixtures(db);
      const [programme] = await db
        .insert(programmes)
        .values({ organisationId: councils, slug: 'test-programme', name: 'Test programme' })
        .returning();
      // A later, non-demo decision of another partner, funding the programme; its title would be a formula.
      const later = await createTestDecision(db, {
        organisationId: councils,
        authorUserId: f.users.editor.id,
        status: 'published',
        fields: {
          reference: 'LC-2019-1',
          title: '=HYPERLINK("http://evil.example") zebra crossing',
          directorate: 'Test Directorate',
        },
      });
      await db
        .insert(decisionExpenditures)
        .values({ decisionId: later, amountPence: 12_345, financialYear: 2019, programmeId: programme!.id });
      await db
        .update(decisions)
        .set({ publishedAt: sql`now() + interval '1 hour'` })
        .where(eq(decisions.id, later));
      for (const [reference, status] of [
        ['DRAFT-ZEBRA', 'draft'],
        ['WITHDRAWN-ZEBRA', 'withdrawn'],
        ['SIGNED-ZEBRA', 'signed'],
        ['DEFERRED-ZEBRA', 'deferred'],
      ] as const)
        await createTestDecision(db, {
          organisationId: councils,
          authorUserId: f.users.editor.id,
          status,
          fields: { reference, title: `Unpublished zebra ${status}` },
        });
      await createTestDecision(db, {
        organisationId: councils,
        authorUserId: f.users.editor.id,
        status: 'published',
        fields: { reference: 'GLA/2025/01', title: 'A reference with slashes' },
      });
      await db
        .update(decisions)
        .set({ publishedAt: sql`now() - interval '1 day'` })
        .where(eq(decisions.reference, 'GLA/2025/01'));
      app = await createApp(t.config, { database: t.database });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lists published decisions only, newest published first, each labelled when it is demonstration content', async () => {
      const page = await get('/decisions');
      assert.equal(page.statusCode, 200);
      const listed = referencesIn(page.body);
      assert.equal(listed[0], 'LC-2019-1');
      assert.equal(listed.at(-1), 'GLA/2025/01');
      assert.deepEqual([...listed].sort(), [...demoReferences, 'LC-2019-1', 'GLA/2025/01'].sort());
      assert.doesNotMatch(page.body, /Unpublished zebra/);
      assert.match(page.body, /10 published decisions/);
      assert.match(page.body, /demonstration content based on the GLA(?:&#39;|')s published decisions/);
      assert.match(page.body, /This page shows demonstration data/);
      assert.equal((page.body.match(/govuk-tag--yellow">\s*Demonstration/g) ?? []).length, 8);
    });

    it('searches the Part 1 text with websearch syntax', async () => {
      const cases: [string, string[]][] = [
        ['pooled', ['MD2704', 'MD2799', 'MD3012', 'MD3326']],
        ['"Race Equality Foundation"', ['ADD2692', 'MD3326']],
        ['MD3326', ['MD3326']],
        ["Mayor's tests -cancer", ['ADD2664', 'MD2799']],
        ['zebra', ['LC-2019-1']],
        ['nothing-matches-this', []],
      ];
      for (const [q, expected] of cases) {
        const page = await get(`/decisions?q=${encodeURIComponent(q)}`);
        assert.equal(page.statusCode, 200, q);
        assert.deepEqual(referencesIn(page.body).sort(), [...expected].sort(), q);
      }
    });

    it('filters by type, financial year of its money, directorate, partner and programme', async () => {
      const cases: [string, string[]][] = [
        ['type=ADD', ['ADD2664', 'ADD2692', 'ADD2763']],
        ['year=2018', ['MD2439']],
        ['year=2024', ['ADD2692', 'MD3326']],
        ['year=2025', ['ADD2763', 'MD3326']],
        ['year=2019', ['LC-2019-1']],
        ['directorate=Test+Directorate', ['LC-2019-1']],
        ['partner=london-councils', ['LC-2019-1', 'GLA/2025/01']],
        ['partner=gla', demoReferences],
        ['programme=test-programme', ['LC-2019-1']],
        ['type=MD&year=2024', ['MD3326']],
        ['type=MD&q=pooled&year=2021', ['MD2799']],
      ];
      for (const [query, expected] of cases) {
        const page = await get(`/decisions?${query}`);
        assert.equal(page.statusCode, 200, query);
        assert.deepEqual(referencesIn(page.body).sort(), [...expected].sort(), query);
        const json = (await get(`/decisions.json?${query}`)).json();
        assert.deepEqual(
          json.data.map((d: { reference: string }) => d.reference).sort(),
          [...expected].sort(),
          `${query} (JSON)`,
        );
      }
      for (const bad of ['type=XX', 'year=24', 'partner=Not+A+Slug', 'page=0', 'sort=title']) {
        const response = await get(`/decisions?${bad}`);
        assert.equal(response.statusCode, 400, bad);
      }
    });

    it('pages 20 decisions at a time', async () => {
      const ids: number[] = [];
      const [editor] = await db
        .execute(sql`select id from users limit 1`)
        .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
      for (let i = 0; i < 15; i++)
        ids.push(
          await createTestDecision(db, {
            organisationId: councils,
            authorUserId: editor!.id,
            status: 'published',
            fields: { reference: `PAGE-${i}`, title: `Pagination decision ${i}` },
          }),
        );
      try {
        const first = await get('/decisions');
        assert.match(first.body, /25 published decisions, page 1 of 2/);
        assert.equal(referencesIn(first.body).length, 20);
        assert.match(first.body, /href="\/decisions\?page=2"/);
        const second = await get('/decisions?page=2');
        assert.equal(referencesIn(second.body).length, 5);
        assert.equal(new Set([...referencesIn(first.body), ...referencesIn(second.body)]).size, 25);
        const filtered = await get('/decisions?partner=london-councils');
        assert.match(filtered.body, /17 published decisions/);
        assert.equal(referencesIn((await get('/decisions?page=3')).body).length, 0);
      } finally {
        await db
          .update(decisions)
          .set({ status: 'withdrawn' })
          .where(sql`${decisions.reference} like 'PAGE-%'`);
      }
    });

    it('shows each decision printable, with every Part 1 section, its money by year, risks, milestones and relations both ways', async () => {
      const page = await get('/decisions/MD3326');
      assert.equal(page.statusCode, 200);
      for (const heading of [
        'Executive summary',
        'Decision',
        'Part 1: non-confidential facts and advice',
        'Objectives and expected outcomes',
        'Equality comments',
        'Links to strategies',
        'Consultations',
        'Conflicts of interest',
        'Risks and issues',
        'Financial comments',
        'Legal comments',
        'Planned delivery',
        'Related decisions',
        'Signed decision form',
      ])
        assert.match(
          page.body,
          new RegExp(`<h[23] class="govuk-heading-[lm]"[^>]*>${heading}</h[23]>`),
          heading,
        );
      assert.match(page.body, /Demonstration content based on the GLA(?:&#39;|')s published decision MD3326/);
      assert.match(page.body, /The focus of the London Health Mission is still to be agreed/);
      assert.match(page.body, /govuk-tag--green">\s*Green/, 'the rating is a word, not a colour alone');
      assert.match(
        page.body,
        /<th scope="row" class="govuk-table__header">2024-25<\/th>\s*<td[^>]*>£153,200<\/td>/,
      );
      assert.match(
        page.body,
        /<th scope="row" class="govuk-table__header">2025-26<\/th>\s*<td[^>]*>£150,000<\/td>/,
      );
      assert.match(page.body, /<strong>£303,200<\/strong>/);
      assert.match(page.body, /Health Partnerships programme/);
      assert.match(page.body, /Continues <a class="govuk-link" href="\/decisions\/MD3012">MD3012<\/a>/);
      assert.match(page.body, /Amends <a class="govuk-link" href="\/decisions\/ADD2692">ADD2692<\/a>/);
      assert.match(page.body, /govuk-!-display-none-print/);
      assert.doesNotMatch(page.body, /<form method="post"/, 'no staff forms on the public page');
      assert.match(
        (await get('/decisions/MD3012')).body,
        /Continued by <a class="govuk-link" href="\/decisions\/MD3326">MD3326<\/a>/,
      );
      assert.match(
        (await get('/decisions/ADD2692')).body,
        /Amended by <a class="govuk-link" href="\/decisions\/MD3326">MD3326<\/a>/,
      );
      const receipts = await get('/decisions/MD2439');
      assert.match(receipts.body, /Received/);
      assert.match(receipts.body, /Office of London CCGs/);
      assert.match(receipts.body, /<strong>£312,000<\/strong>/);
      assert.equal((await get(`/decisions/${encodeURIComponent('GLA/2025/01')}`)).statusCode, 200);
      for (const missing of [
        'NOSUCH',
        'DRAFT-ZEBRA',
        'SIGNED-ZEBRA',
        'DEFERRED-ZEBRA',
        'WITHDRAWN-ZEBRA',
        'MD3326/signed.pdf',
      ])
        assert.equal((await get(`/decisions/${missing}`)).statusCode, 404, missing);
    });

    it('exports the same decisions as CSV, with totals in pence and pounds, a demo column, and no formula', async () => {
      const response = await get('/decisions.csv');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(response.headers['content-disposition']), /attachment; filename="decisions.csv"/);
      const [header, ...lines] = response.body.trim().split('\n');
      assert.equal(
        header,
        'reference,type,title,organisation,organisationSlug,directorate,decisionMaker,decisionDate,publishedAt,totalExpenditurePence,totalExpenditurePounds,totalReceiptsPence,totalReceiptsPounds,url,demo',
      );
      assert.equal(lines.length, 10);
      const md3326 = lines.find((l) => l.startsWith('MD3326,'))!;
      assert.match(md3326, /,30320000,303200\.00,0,0\.00,\/decisions\/MD3326,yes$/);
      assert.match(lines.find((l) => l.startsWith('MD2439,'))!, /,0,0\.00,31200000,312000\.00,/);
      const formula = lines.find((l) => l.startsWith('LC-2019-1,'))!;
      assert.match(formula, /^LC-2019-1,other,"'=HYPERLINK\(""http:\/\/evil.example""\) zebra crossing",/);
      assert.match(formula, /,12345,123\.45,0,0\.00,\/decisions\/LC-2019-1,no$/);
      assert.equal((await get('/decisions.csv?type=ADD')).body.trim().split('\n').length, 4);
      const json = (await get('/decisions.json?q=MD3326')).json();
      assert.equal(json.demo, true);
      assert.deepEqual(Object.keys(json.data[0]), header!.split(','));
      assert.equal(json.data[0].totalExpenditurePence, 30_320_000);
      assert.equal(json.data[0].totalExpenditurePounds, '303200.00');
      assert.equal((await get('/decisions.json?partner=london-councils')).json().demo, false);
    });

    it('publishes an Atom 1.0 feed of the published decisions', async () => {
      const response = await get('/decisions.atom', { host: 'healthhub.example' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const xml = response.body;
      assertWellFormed(xml);
      assert.match(
        xml,
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
      );
      assert.match(xml, /<id>http:\/\/healthhub.example\/decisions<\/id>/);
      assert.match(xml, /<title>[^<]+<\/title>/);
      assert.match(xml, /<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/updated>/);
      assert.match(
        xml,
        /<link rel="self" type="application\/atom\+xml" href="http:\/\/healthhub.example\/decisions.atom"\/>/,
      );
      const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
      assert.equal(entries.length, 10);
      for (const entry of entries) {
        for (const element of ['id', 'title', 'updated', 'summary'])
          assert.match(entry, new RegExp(`<${element}[^>]*>[^<]+</${element}>`), element);
        assert.match(
          entry,
          /<link rel="alternate" type="text\/html" href="http:\/\/healthhub.example\/decisions\/[^"]+"\/>/,
        );
      }
      assert.match(xml, /<id>http:\/\/healthhub.example\/decisions\/MD3326<\/id>/);
      assert.match(
        xml,
        /<title>LC-2019-1: =HYPERLINK\(&quot;http:\/\/evil.example&quot;\) zebra crossing<\/title>/,
      );
      assert.match(xml, /MD3326: [^<]+\(demonstration content\)<\/title>/);
      assert.equal([...(await get('/decisions.atom?type=ADD')).body.matchAll(/<entry>/g)].length, 3);
    });

    describe('/api/v1/decisions', () => {
      it('pages through every published decision by links.next, in the register order', async () => {
        const seen: string[] = [];
        let next: string | null = '/api/v1/decisions?limit=3';
        let pages = 0;
        while (next !== null) {
          const response = await get(next);
          assert.equal(response.statusCode, 200, next);
          assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
          assert.match(String(response.headers.etag), /^"[0-9a-f]{32}"$/);
          const body = response.json();
          assert.ok(body.data.length <= 3);
          seen.push(...body.data.map((d: { reference: string }) => d.reference));
          next = body.links.next;
          pages += 1;
        }
        assert.equal(pages, 4);
        assert.deepEqual(seen, referencesIn((await get('/decisions')).body));
        const filtered = (await get('/api/v1/decisions?type=MD&year=2024')).json();
        assert.deepEqual(
          filtered.data.map((d: { reference: string }) => d.reference),
          ['MD3326'],
        );
        assert.equal(filtered.demo, true);
        assert.equal(filtered.data[0].totalExpenditurePence, 30_320_000);
        assert.equal(filtered.data[0].organisation.slug, 'gla');
      });

      it('gives one decision with its Part 1 record, and 404 for one that is unknown or unpublished', async () => {
        const response = await get('/api/v1/decisions/MD3326');
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['x-healthhub-demo'], 'true');
        const { data, demo } = response.json();
        assert.equal(demo, true);
        assert.equal(data.reference, 'MD3326');
        assert.equal(data.totalExpenditurePence, 30_320_000);
        assert.deepEqual(data.totalsByFinancialYear, [
          { financialYear: '2024-25', expenditurePence: 15_320_000, receiptsPence: 0 },
          { financialYear: '2025-26', expenditurePence: 15_000_000, receiptsPence: 0 },
        ]);
        assert.deepEqual(
          data.related
            .map((r: { relation: string; reference: string }) => `${r.relation} ${r.reference}`)
            .sort(),
          ['amends ADD2692', 'continues MD3012'],
        );
        assert.deepEqual(data.risks, [
          {
            description: 'The focus of the London Health Mission is still to be agreed',
            mitigation: 'Ongoing work across the partnership',
            rag: 'green',
          },
        ]);
        assert.equal(data.hasPart2, false);
        assert.ok(!('part2' in data));
        assert.deepEqual(
          (await get('/api/v1/decisions/MD3012'))
            .json()
            .data.related.map((r: { relation: string; reference: string }) => `${r.relation} ${r.reference}`)
            .sort(),
          ['continued by MD3326', 'continues MD2799'],
        );
        for (const missing of ['NOSUCH', 'DRAFT-ZEBRA', 'DEFERRED-ZEBRA']) {
          const notFound = await get(`/api/v1/decisions/${missing}`);
          assert.equal(notFound.statusCode, 404, missing);
          assert.equal(notFound.json().code, 'DECISION_NOT_FOUND');
        }
        assert.equal((await get(`/api/v1/decisions/${encodeURIComponent('GLA/2025/01')}`)).statusCode, 200);
      });

      it('refuses a bad parameter with 400 and a code naming it', async () => {
        const cases: [string, string, string][] = [
          ['limit=0', 'INVALID_PARAMETER', 'limit'],
          ['limit=1001', 'INVALID_PARAMETER', 'limit'],
          ['type=XX', 'INVALID_PARAMETER', 'type'],
          ['year=24', 'INVALID_PARAMETER', 'year'],
          ['partner=Not%20a%20slug', 'INVALID_PARAMETER', 'partner'],
          ['programme=_', 'INVALID_PARAMETER', 'programme'],
          ['cursor=!!!', 'INVALID_PARAMETER', 'cursor'],
          [`cursor=${Buffer.from('{"id":1}').toString('base64url')}`, 'INVALID_PARAMETER', 'cursor'],
          ['sort=title', 'UNKNOWN_PARAMETER', 'sort'],
          ['type=MD&type=DD', 'INVALID_PARAMETER', 'type'],
        ];
        for (const [query, code, parameter] of cases) {
          const response = await get(`/api/v1/decisions?${query}`);
          assert.equal(response.statusCode, 400, query);
          assert.equal(response.headers['cache-control'], 'no-store');
          assert.deepEqual([response.json().code, response.json().parameter], [code, parameter], query);
        }
        const bad = await get('/api/v1/decisions/not%20a%20reference');
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().parameter, 'reference');
        const extra = await get('/api/v1/decisions/MD3326?format=csv');
        assert.deepEqual([extra.statusCode, extra.json().code], [400, 'UNKNOWN_PARAMETER']);
      });

      it('answers 304 to a matching If-None-Match, and shows a decision published after an earlier answer', async () => {
        const first = await get('/api/v1/decisions/MD3326');
        const etag = String(first.headers.etag);
        assert.equal((await get('/api/v1/decisions/MD3326', { 'if-none-match': etag })).statusCode, 304);
        assert.equal(
          (await get('/api/v1/decisions/MD3326', { 'if-none-match': `W/${etag}` })).statusCode,
          304,
        );
        const list = await get('/api/v1/decisions?partner=london-councils');
        assert.equal(list.json().data.length, 2);
        await db
          .update(decisions)
          .set({ status: 'published', publishedAt: sql`now()` })
          .where(eq(decisions.reference, 'SIGNED-ZEBRA'));
        // As the workflow does: every publication is an audit event, which is what the response cache watches.
        await db.execute(
          sql`insert into audit_events (entity, entity_id, action) values ('decisions', 'SIGNED-ZEBRA', 'publish')`,
        );
        const again = await get('/api/v1/decisions?partner=london-councils');
        assert.equal(again.json().data.length, 3, 'not an answer kept from before the publication');
        assert.notEqual(again.headers.etag, list.headers.etag);
        await db
          .update(decisions)
          .set({ status: 'signed', publishedAt: null })
          .where(eq(decisions.reference, 'SIGNED-ZEBRA'));
        await db.execute(
          sql`insert into audit_events (entity, entity_id, action) values ('decisions', 'SIGNED-ZEBRA', 'test-reset')`,
        );
      });
    });

    it('shows staff of the owning organisation a link to the record, and the public register never a staff form', async () => {
      const [f] = await db
        .execute(sql`select email from users where email = 'editor@test.example'`)
        .then((r) => (r as unknown as { rows: { email: string }[] }).rows);
      const editor = await signIn(app, f!.email);
      const [gla] = await db.select().from(organisations).where(eq(organisations.slug, 'gla'));
      await db.execute(
        sql`insert into memberships (user_id, organisation_id, role) select id, ${gla!.id}, 'viewer' from users where email = 'editor@test.example'`,
      );
      const page = await editor.get('/decisions/MD3326');
      assert.match(page.body, /Open it in the staff workspace/);
      assert.doesNotMatch(page.body, /Part 2: confidential<\/h2>/);
    });
  });
}
