import { describe, expect, it } from 'vitest';
import type { HostError } from '../addin/taskpane/errors';
import {
  ExcelTooOldError,
  ProtectedSheetsError,
  hostError,
  problemText,
} from '../addin/taskpane/errors';
import { UserFacingError } from '../src/core/errors';
import { zhCN } from '../src/i18n/catalog';
import { enUS } from '../src/i18n/catalog-en';
import { WorkbookReadError } from '../src/io/xlsx-read';

/** What office.js rejects with: an OfficeExtension.Error with a code. */
const richApi = (code: string) => Object.assign(new Error(`RichApi.Error ${code}`), { code });

describe('one handler turns every error the panes show into a sentence', () => {
  it.each([
    ['InvalidOperationInCellEditMode', '单元格编辑状态'],
    ['AccessDenied', '拒绝了写入'],
    ['ItemNotFound', '找不到'],
    ['GeneralException', '内部错误'],
    ['RequestPayloadSizeLimitExceeded', '5 MB'],
    ['ResponsePayloadSizeLimitExceeded', '5 MB'],
    ['InvalidObjectPath', 'Excel 未能完成操作'],
  ])('%s: a Chinese sentence with the code kept', (code, words) => {
    const text = problemText(zhCN.ui, richApi(code));
    expect(text).toContain(words);
    expect(text).toContain(`（错误代码：${code}）`);
    expect(text).not.toContain('RichApi');
    expect(problemText(enUS.ui, richApi(code))).toContain(`(code ${code})`);
  });

  it('keeps the whole hierarchy under UserFacingError, each with its catalog key', () => {
    const all = [
      new ExcelTooOldError(),
      new ProtectedSheetsError(['表一']),
      hostError(richApi('AccessDenied')) as HostError,
      new WorkbookReadError('old', 'legacyXls'),
    ];
    for (const e of all) expect(e).toBeInstanceOf(UserFacingError);
    expect(all.map((e) => e.key)).toEqual([
      'excelTooOld',
      'protectedSheets',
      'accessDenied',
      'legacyXls',
    ]);
    expect((all[3] as WorkbookReadError).kind).toBe('legacyXls');
    expect(problemText(zhCN.ui, new ExcelTooOldError())).toBe(zhCN.ui.excelTooOld);
    expect(problemText(zhCN.ui, all[3], '七月.xls')).toContain(
      '“七月.xls”是旧版 Excel 97-2003 格式',
    );
  });

  it('a bug (no host code) is never blank: the generic sentence with its message', () => {
    expect(problemText(zhCN.ui, new TypeError('x is undefined'))).toBe('计算失败：x is undefined');
    expect(hostError(new TypeError('x'))).toBeInstanceOf(TypeError);
  });
});
