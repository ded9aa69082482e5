import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnexVersionStore } from '#functions/domain/export/annex-versions';
import type { AnnexVersionRecord, AuditRecord } from '#functions/domain/ports';

// The document and the render are stand-ins: these tests are about numbering, the size limit and refusals.
const render = vi.hoisted(() => ({ bytes: (version: number) => new Uint8Array([37, 80, 68, 70, version]) }));
vi.mock('#functions/domain/export', () => ({ buildExport: vi.fn(async () => ({ processId: 'p' })) }));
vi.mock('#functions/domain/export/annex-pdf', () => ({ renderAnnexPdf: vi.fn(async (_doc: unknown, stamp: { version: number }) => render.bytes(stamp.version)) }));

const { freezeAnnex, annexVersionPdf, ANNEX_PDF_MAX_BYTES } = await import('#functions/domain/export/annex-versions');

/** A store whose `save` answers 'taken' the first `taken` times (another freeze took the number). */
function fakeStore(taken = 0) {
  const saved: { record: AnnexVersionRecord; pdf: Uint8Array; audit: AuditRecord }[] = [];
  let latest = 0;
  const store: AnnexVersionStore = {
    latest: async () => latest,
    save: async (record, pdf, audit) => {
      if (taken > 0) {
        taken--;
        latest++;
        return 'taken';
      }
      saved.push({ record, pdf, audit });
      latest = record.version;
      return 'saved';
    },
    list: async () => saved.map((s) => s.record).reverse(),
    get: async (_p, v) => saved.find((s) => s.record.version === v)?.record,
    pdf: async (record) => saved.find((s) => s.record.version === record.version)!.pdf,
  };
  return { store, saved };
}

const actor = { userId: 'u1', roles: ['committee' as const] };
const depsWith = (store: AnnexVersionStore) => ({
  processes: { get: async (id: string) => (id === 'p' ? ({ id } as never) : undefined) } as never,
  exports: {} as never,
  clock: { now: () => new Date('2026-12-02T08:15:00.000Z') },
  siteUrl: async () => 'https://deltag.example',
  annexVersions: store,
  profiles: { get: async () => ({ displayName: 'Åse' }) as never },
  newId: () => '01JD00000000000000000000AA',
});
const input = { journalNumber: '00.01.00-P20-1-26', top: 20 };

beforeEach(() => {
  render.bytes = (version: number) => new Uint8Array([37, 80, 68, 70, version]);
});

describe('freezeAnnex', () => {
  it('takes the next number, hashes the bytes stored and audits the freeze', async () => {
    const { store, saved } = fakeStore();
    const v = await freezeAnnex(depsWith(store), actor, 'p', input);
    expect(v).toMatchObject({ version: 1, frozenAt: '2026-12-02T08:15:00.000Z', frozenByName: 'Åse', bytes: 5, filename: 'udvalgsbilag-p-v1.pdf' });
    const { createHash } = await import('node:crypto');
    expect(v.sha256).toBe(createHash('sha256').update(saved[0]!.pdf).digest('hex'));
    expect(saved[0]!.audit).toMatchObject({ action: 'annex-freeze', targetKind: 'annex', targetId: 'p-v1', actorName: 'Åse' });
  });

  it('renders again with the next number when another freeze took it, and gives up with 409 after three tries', async () => {
    const once = fakeStore(1);
    expect((await freezeAnnex(depsWith(once.store), actor, 'p', input)).version).toBe(2);
    // The stored PDF is the one rendered with its own number (the footer names the version).
    expect(once.saved[0]!.pdf[4]).toBe(2);
    const always = fakeStore(3);
    await expect(freezeAnnex(depsWith(always.store), actor, 'p', input)).rejects.toMatchObject({ status: 409, slug: 'annex-busy' });
    expect(always.saved).toHaveLength(0);
  });

  it('refuses a PDF over 3 MB with 409 naming the top, storing nothing', async () => {
    render.bytes = () => new Uint8Array(ANNEX_PDF_MAX_BYTES + 1);
    const { store, saved } = fakeStore();
    await expect(freezeAnnex(depsWith(store), actor, 'p', input)).rejects.toMatchObject({ status: 409, slug: 'annex-too-large', errors: [{ path: 'body.top' }] });
    expect(saved).toHaveLength(0);
  });
});

describe('annexVersionPdf', () => {
  it('serves the stored bytes, 404 for an unknown version or process, and never bytes that fail their hash', async () => {
    const { store, saved } = fakeStore();
    await freezeAnnex(depsWith(store), actor, 'p', input);
    const file = await annexVersionPdf(depsWith(store), 'p', 1);
    expect(file).toMatchObject({ contentType: 'application/pdf', filename: 'udvalgsbilag-p-v1.pdf' });
    expect([...file.body]).toEqual([37, 80, 68, 70, 1]);
    await expect(annexVersionPdf(depsWith(store), 'p', 2)).rejects.toMatchObject({ status: 404 });
    await expect(annexVersionPdf(depsWith(store), 'q', 1)).rejects.toMatchObject({ status: 404 });
    saved[0]!.pdf[4] = 9;
    await expect(annexVersionPdf(depsWith(store), 'p', 1)).rejects.toThrow(/do not match/);
  });
});
