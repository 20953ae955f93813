import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPages, toCsv, type ExportColumn } from '../src/platform/exports/index.js';
import { bearer, createTestApp, expectError, login, type Session, type TestContext } from './harness.js';

let t: TestContext;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin@plantops.local');
  manager = await login(t.app, 'manager@plantops.local');
  // Names a spreadsheet would misread: a formula, and quotes with a comma.
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: bearer(admin),
    payload: { email: 'tricky@plantops.local', firstName: '=HYPERLINK("http://evil")', lastName: 'O"Brien, Jr', role: 'TECHNICIAN', password: 'Temporary-passw0rd' },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });

/** CSV lines without the byte order mark; the test data holds no line breaks inside fields. */
const csvLines = (body: Buffer) => body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

describe('toCsv', () => {
  const columns: ExportColumn<{ v: string | number | null }>[] = [{ header: 'Value', value: (r) => r.v }];

  it('quotes per RFC 4180 and defuses formula prefixes in text only', () => {
    const out = toCsv(columns, [{ v: 'a,b' }, { v: 'say "hi"' }, { v: 'two\nlines' }, { v: '+1' }, { v: '-x' }, { v: '@sum' }, { v: -5 }, { v: null }]);
    expect(out.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(out.toString('utf8').slice(1)).toBe(`Value\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n'+1\r\n'-x\r\n'@sum\r\n-5\r\n\r\n`);
  });
});

describe('collectPages', () => {
  const source = Array.from({ length: 25 }, (_, i) => i);
  const fetchPage = async (page: number, limit: number) => ({ rows: source.slice((page - 1) * limit, page * limit), total: source.length });

  it('reads every page up to the cap and says when it cut the data short', async () => {
    expect(await collectPages(fetchPage, 30, 4)).toEqual({ rows: source, truncated: false });
    expect(await collectPages(fetchPage, 10, 4)).toEqual({ rows: source.slice(0, 10), truncated: true });
    expect(await collectPages(fetchPage, 25, 5)).toEqual({ rows: source, truncated: false });
  });
});

describe('GET /api/v1/users/export', () => {
  it('writes CSV with a header row, escaped quotes and neutralised formulas', async () => {
    const res = await get(admin, '/api/v1/users/export?format=csv&sortBy=email');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['x-export-truncated']).toBe('false');
    const lines = csvLines(res.rawPayload);
    expect(lines[0]).toBe('Email,First name,Last name,Role,Warehouse,Phone,Active,Last login,Created');
    expect(lines).toHaveLength(1 + 14);
    const tricky = lines.find((l) => l.startsWith('tricky@plantops.local'));
    expect(tricky).toContain(`"'=HYPERLINK(""http://evil"")","O""Brien, Jr",TECHNICIAN`);
  });

  it('applies the list filters and site scoping, and the list permission', async () => {
    const techs = csvLines((await get(admin, '/api/v1/users/export?format=csv&role=TECHNICIAN')).rawPayload);
    expect(techs).toHaveLength(1 + 3);
    const mine = csvLines((await get(manager, '/api/v1/users/export?format=csv')).rawPayload);
    expect(mine.some((l) => l.startsWith('technician-north@'))).toBe(false);
    expect(mine).toHaveLength(1 + 13);
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await get(tech, '/api/v1/users/export?format=csv'), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    expectError(await get(admin, '/api/v1/users/export?format=docx'), 400, 'VALIDATION_ERROR');
  });

  it('writes XLSX and PDF', async () => {
    const xlsx = await get(admin, '/api/v1/users/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await get(admin, '/api/v1/users/export?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('leaves an EXPORT entry in the audit trail', async () => {
    const { rows } = await t.db.query(`SELECT description FROM system_logs WHERE action = 'EXPORT' AND user_id = $1`, [admin.user.id]);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/audit-logs/export', () => {
  it('exports the filtered trail in every format for audit readers only', async () => {
    const csv = await get(admin, '/api/v1/audit-logs/export?format=csv&action=CREATE&tableName=profiles');
    expect(csv.statusCode).toBe(200);
    const lines = csvLines(csv.rawPayload);
    expect(lines[0]).toBe('Time,Action,Table,Record,User,Warehouse,Description,Request');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'CREATE')).toBe(true);
    expect((await get(admin, '/api/v1/audit-logs/export?format=xlsx')).rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await get(admin, '/api/v1/audit-logs/export?format=pdf')).rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const coordinator = await login(t.app, 'production-coordinator@plantops.local');
    expectError(await get(coordinator, '/api/v1/audit-logs/export?format=csv'), 403);
  });
});
