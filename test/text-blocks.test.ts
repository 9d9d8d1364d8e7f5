import { describe, expect, it } from 'vitest';
import { textBlocks } from '../src/report/model';

const shape = (text: string) =>
  textBlocks(text).map((b) => `${b.kind}:${'text' in b ? b.text : ''}`);

describe('the pane’s text back into the document', () => {
  it('in the numbered form, a 【…】 line the writer adds stays their text, never a heading', () => {
    expect(
      shape(
        [
          '【一、基本情况】',
          '【1. 诉求件分类情况】',
          '【注：以上数据截至月底】',
          '【2017.8月份情况】',
          '【重点】',
        ].join('\n'),
      ),
    ).toEqual([
      'heading1:一、基本情况',
      'heading3:1. 诉求件分类情况',
      'paragraph:【注：以上数据截至月底】',
      'paragraph:【2017.8月份情况】',
      'paragraph:【重点】',
    ]);
  });

  it('the older “【部分·标题】” form still reads, numbered per part', () => {
    expect(
      shape('【12345平台运行情况·诉求件办理情况】\nx\n【数字城管系统运行情况·案件办理情况】'),
    ).toEqual([
      'heading2:（一）12345平台运行情况',
      'heading3:1. 诉求件办理情况',
      'paragraph:x',
      'heading2:（二）数字城管系统运行情况',
      'heading3:1. 案件办理情况',
    ]);
  });

  it('a figure whose title is not a chart of the bulletin stays a line of text', () => {
    expect(shape('【图：没有这张图】')).toEqual(['paragraph:【图：没有这张图】']);
  });
});
