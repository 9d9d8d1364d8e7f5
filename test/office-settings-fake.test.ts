import { describe, expect, it } from 'vitest';
import { FakeDocumentSettings, type FakeAsyncResult } from './fake/office-settings';

const save = (s: FakeDocumentSettings) =>
  new Promise<FakeAsyncResult>((resolve) => s.saveAsync(resolve));

// The fake must behave as Office.Settings is documented, or the pane's tests prove nothing.
describe('the fake Office.Settings', () => {
  it('returns null for a setting never set, and copies for those that are', () => {
    const s = new FakeDocumentSettings();
    expect(s.get('x')).toBeNull();
    const value = { a: [1, 2] };
    s.set('x', value);
    value.a.push(3);
    expect(s.get('x')).toEqual({ a: [1, 2] });
    (s.get('x') as { a: number[] }).a.push(4);
    expect(s.get('x')).toEqual({ a: [1, 2] });
  });

  it('keeps set and remove in memory until saveAsync writes them into the document', async () => {
    const s = new FakeDocumentSettings('{"old":1}');
    s.set('x', 'y');
    s.remove('old');
    expect(s.stored).toBe('{"old":1}');
    s.reopen();
    expect(s.get('x')).toBeNull();
    expect(s.get('old')).toBe(1);
    s.set('x', 'y');
    let called = false;
    s.saveAsync(() => (called = true));
    expect(called).toBe(false); // the host answers later, never inside the call
    expect((await save(s)).status).toBe('succeeded');
    s.reopen();
    expect(s.get('x')).toBe('y');
  });

  it('refuses to save a read-only document with 5002, and other failures with 4001', async () => {
    const s = new FakeDocumentSettings();
    s.readOnly = true;
    s.set('x', 1);
    const r = await save(s);
    expect(r).toMatchObject({ status: 'failed', error: { code: 5002, name: 'Permission Denied' } });
    expect(s.stored).toBe('{}');
    s.readOnly = false;
    s.failNextSave = true;
    expect((await save(s)).error?.code).toBe(4001);
    expect((await save(s)).status).toBe('succeeded');
  });

  it('refuses a value that cannot be stored as JSON', () => {
    expect(() => new FakeDocumentSettings().set('x', undefined)).toThrow();
  });
});
