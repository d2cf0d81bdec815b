// Types of `window.jixiao`, which jixiao-check.js sets: the 绩效目标申报表 checker for other pages
// (README.md, "The checker for other pages"). A browser test holds these names to the reports the
// script returns.

declare namespace jixiao {
  /** How serious a finding is. */
  type Severity = 'error' | 'warning' | 'info';

  /** Which form: the unit-overall form, or a project form by its id. */
  type FormRef = 'overall' | { project: number };

  /**
   * Where a finding is. Field names are the JSON file's own ("total", "annual_target"); grids are
   * "annual" or "long_term"; a row is its id in the file.
   */
  type Path =
    | 'declaration_year'
    | 'declaration_unit'
    | { form: FormRef }
    | { field: [FormRef, string] }
    | { grid: [FormRef, 'annual' | 'long_term'] }
    | { cell: [FormRef, 'annual' | 'long_term', number, string] };

  /** Characters of a free-text cell, counted in Unicode code points, end exclusive. */
  interface Span {
    start: number;
    end: number;
  }

  /** A suggested fix, as the app applies it. */
  type Fix =
    | { type: 'set'; path: Path; text: string }
    | { type: 'replace'; path: Path; span: Span; expect: string; with: string }
    | { type: 'drop_empty_rows' };

  /** One problem found. */
  interface Finding {
    /** The rule's stable id ("M4"); docs/rules.md lists them. */
    rule: string;
    severity: Severity;
    path: Path;
    /** Which characters of a free-text cell, when the finding is about part of it. */
    span?: Span;
    /** What, with the numbers: `kind.kind` names it ("overall_parts_dont_add"); amounts are strings. */
    kind: { kind: string; [field: string]: unknown };
    /** The Chinese message. */
    message: string;
    /** A suggested fix, where one is clear. */
    fix?: Fix;
    /** The form's title in Chinese ("整体支出表", "项目表“…”"). */
    form: string;
    /** The place in the form's words ("指标第 3 行（数量）· 指标值"). */
    place: string;
    /** The id of the field in the app's page. */
    dom_id: string;
  }

  /** Every finding of a declaration, in a fixed order, with the counts and the self-check grade. */
  interface Report {
    /** The app's own estimate, not an official review result. */
    grade: '优' | '良' | '中' | '差';
    errors: number;
    warnings: number;
    infos: number;
    findings: Finding[];
  }

  /** Settles when the checker has loaded; `check` throws before. */
  const ready: Promise<void>;

  /**
   * Checks a declaration file (an object, or its JSON text) with its own 检查设置, or with
   * `profile`. Throws an Error with a Chinese message when either cannot be read.
   */
  function check(declaration: object | string, profile?: object): Report;
}
