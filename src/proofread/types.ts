/**
 * Proofreading a written bulletin against its tables (issue #17): the shapes shared by the
 * engine (`check.ts`), the draft readers (`draft-docx.ts`, plain text), the marked copy
 * (`mark-docx.ts`), the CLI, the Word pane and the web page.
 *
 * A draft is a list of paragraphs of plain text, as a reader sees them (tracked changes
 * accepted: inserted text counts, deleted text does not; fields by their shown result; table
 * cells one paragraph each, in document order). Offsets are UTF-16 offsets into a
 * paragraph's `text`, so a finding can be put back on the runs it came from.
 */
import type { ProofreadMessages } from '../i18n/proofread';

/** One paragraph of the draft as read. */
export interface DraftParagraph {
  /** The paragraph's text (no paragraph mark). */
  readonly text: string;
  /** Where it comes from: body text or a table cell of the draft. */
  readonly where: 'body' | 'table';
}

export interface Draft {
  readonly paragraphs: readonly DraftParagraph[];
}

/**
 * What a claim says: a unit's figure, a total or count, a share, a 环比 (direction and
 * size), a ranking, a 类 ranking, or the text's own arithmetic (parts vs its stated total).
 */
export type ClaimKind =
  'unitFigure' | 'total' | 'share' | 'change' | 'ranking' | 'categoryRanking' | 'arithmetic';

/** A claim found in the draft: matched, wrong, or not checked. */
export interface Claim {
  readonly kind: ClaimKind;
  /** 1-based paragraph number in the draft. */
  readonly paragraph: number;
  /** The sentence part as written (the clause that holds the claim). */
  readonly quote: string;
  /** Offsets of `quote` in the paragraph's text. */
  readonly quoteStart: number;
  readonly quoteEnd: number;
}

/** A wrong claim: the element as written, and what the tables give in the same form. */
export interface Finding extends Claim {
  /** The wrong element exactly as the draft has it: "95.13%", a unit's name, 上升. */
  readonly written: string;
  /** Offsets of `written` in the paragraph's text (what gets highlighted). */
  readonly start: number;
  readonly end: number;
  /** What the tables give, in the written form: "85.13%", another name, 下降. */
  readonly expected: string;
  /** The unit the claim is about, as the table names it; null for totals of the whole. */
  readonly unit: string | null;
  /** The figure's Chinese name: 按期结案率, 综合指标值, 受理量, 环比… */
  readonly figure: string | null;
  /** Where the tables hold the value (the recomputed figure's row, its printed cell). */
  readonly sheet: string | null;
  readonly cell: string | null;
  /** The finding in one zh-CN sentence from the catalog (闽侯县 按期结案率：文中为…，表中为…（…）). */
  readonly message: string;
}

/** A claim the tables cannot support (诉求热点 counts, 督办, case numbers, dates…). */
export interface NotChecked extends Claim {
  /** The figure or words as written. */
  readonly written: string;
  /** Why, in one zh-CN phrase from the catalog. */
  readonly reason: string;
}

/** Said once about the whole draft (e.g. shares rounded to add up to 100%). */
export interface ProofreadNote {
  readonly paragraph: number | null;
  readonly message: string;
}

export interface ProofreadResult {
  readonly checked: {
    readonly claims: number;
    readonly matched: number;
    readonly wrong: number;
    readonly notChecked: number;
  };
  readonly findings: readonly Finding[];
  readonly notChecked: readonly NotChecked[];
  readonly notes: readonly ProofreadNote[];
}

/** How to proofread: the language of findings and reasons (zh-CN unless given). */
export interface ProofreadOptions {
  /** The catalog's `proofread` messages; `zhCN.proofread` by default. */
  readonly messages?: ProofreadMessages;
}
