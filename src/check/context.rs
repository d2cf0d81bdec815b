//! What every rule reads: the declaration with each form's rows classified and each text read once.

use super::{grid_rank, Finding};
use crate::model::framework::{
    compact, standard_level1, standard_level2, BENEFIT, COST, OUTPUT, SATISFACTION,
};
use crate::model::{
    Declaration, Field, FormRef, Grid, IndicatorRow, Path, Profile, ProjectForm, RowField,
};
use crate::text::{self, CharSet, Folded, Quantity, SignMention};
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

/// A free text read once: folded, with its quantities and signs.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    /// The text as typed.
    pub raw: &'a str,
    /// Folded char for char.
    pub folded: Folded,
    /// Every quantity in it.
    pub quantities: Vec<Quantity>,
    /// Every sign in it.
    pub signs: Vec<SignMention>,
    /// Only whitespace.
    blank: bool,
    /// Which distinct text of the declaration this is (0.. [`Ctx::texts`]), for rules that check
    /// a text once however many cells hold it ([`crate::check::rules::PerText`]).
    pub(crate) id: usize,
}

impl<'a> Reading<'a> {
    /// Reads a text.
    pub fn new(raw: &'a str) -> Reading<'a> {
        let folded = Folded::new(raw);
        let quantities = text::quantities(&folded);
        let signs = text::signs(&folded, raw);
        let blank = folded.char_set().is_ascii_within(CharSet::of(&[' ']));
        Reading {
            raw,
            folded,
            quantities,
            signs,
            blank,
            id: usize::MAX,
        }
    }

    /// True when only whitespace.
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// The first quantity that is neither a per-unit price nor a total.
    pub fn main_quantity(&self) -> Option<&Quantity> {
        self.quantities.iter().find(|q| q.role == text::Role::Plain)
    }

    /// The last money total it states ("合计20万元").
    pub fn total_money(&self) -> Option<&Quantity> {
        self.quantities
            .iter()
            .rev()
            .find(|q| q.role == text::Role::Total && q.is_money())
    }

    /// Whether the text holds a word. Its char set rules out most texts without a search: the
    /// word's first char must be in it, so that char must be one folding leaves alone (as it
    /// leaves every ideograph).
    pub fn mentions(&self, word: &str) -> bool {
        let first = word.chars().next().unwrap_or_default();
        debug_assert_eq!(
            text::fold(first),
            first,
            "{word} starts with a char folding changes"
        );
        self.folded.char_set().may_hold(first) && text::has(self.raw, word)
    }

    /// Whether the text holds any number at all (quantities, years, Arabic digits).
    pub fn has_number(&self) -> bool {
        !self.quantities.is_empty() || self.folded.char_set().may_meet(text::DIGITS)
    }
}

/// The broad category of a row, from its standardised 一级/二级 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// 数量指标.
    Quantity,
    /// 质量指标.
    Quality,
    /// 时效指标.
    Timeliness,
    /// 成本指标 (either framework).
    Cost,
    /// Any 效益 / 效果 二级.
    Benefit,
    /// 满意度.
    Satisfaction,
    /// Anything else (其他指标 …).
    Other,
}

/// One indicator row, classified and read.
#[derive(Debug, Clone)]
pub struct RowCtx<'a> {
    /// The row.
    pub row: &'a IndicatorRow,
    /// Which grid.
    pub grid: Grid,
    /// 一级 standardised (项目完成 → 产出指标).
    pub l1: Cow<'a, str>,
    /// 二级 standardised.
    pub l2: Cow<'a, str>,
    /// The broad category.
    pub category: Category,
    /// The 三级 name without any whitespace.
    pub level3: Cow<'a, str>,
    /// The value cell read.
    pub value: Rc<Reading<'a>>,
    /// The 三级 name read.
    pub name: Rc<Reading<'a>>,
}

impl RowCtx<'_> {
    /// The path of a cell of this row.
    pub fn path(&self, form: FormRef, field: RowField) -> Path {
        Path::Cell(form, self.grid, self.row.id, field)
    }

    /// True when the value is filled.
    pub fn filled(&self) -> bool {
        !self.value.is_blank() || !self.row.number.is_blank()
    }

    /// The unit the row states apart from its value: in the unit column, else in brackets after
    /// the name ("资助学生人数（人）").
    pub fn unit_apart(&self) -> Option<String> {
        let column = text::normalise_unit(&self.row.unit);
        if column.is_empty() {
            text::unit_in_brackets(&self.level3)
        } else {
            Some(column)
        }
    }

    /// The row's number whose unit stands apart, read with that unit: the number column of a
    /// structured row (1260, with 公里 in the unit column, reads as 1260公里), else the value's
    /// number when it has no unit of its own ("≥1260" beside a unit column, "≥120" under
    /// "接种单位数（个）"). With the field it stands in; its span is the number's in the value, and
    /// empty in the number column ([`crate::check::Finding::at_number`] attaches it in the value only).
    pub fn number_apart(&self) -> Option<(Quantity, RowField)> {
        let (n, span, field) = match self.row.number.value() {
            Some(n) => (n.0, None, RowField::Number),
            None => {
                let q = self.value.main_quantity().filter(|q| q.unit.is_empty())?;
                (q.value, Some(q.span), RowField::Value)
            }
        };
        let unit = self.unit_apart();
        if unit.is_none() && field == RowField::Value {
            return None;
        }
        let text = crate::model::money::text_of(n) + &unit.unwrap_or_default();
        let mut q = text::quantities(&Folded::new(&text)).into_iter().next()?;
        q.span = span.unwrap_or(text::Span::new(0, 0));
        Some((q, field))
    }

    /// The row's count of output, with the field it stands in: the first plain count in its
    /// value ("≥1200名"), else the number whose unit stands apart when that is a count (1260
    /// beside 座 in the unit column). What T4, T5 and M11 read as "how many".
    pub fn count(&self) -> Option<(Quantity, RowField)> {
        match text::counts(&self.value.quantities).next() {
            Some(q) => Some((q.clone(), RowField::Value)),
            // A rate ("1" beside 次/周) is no count of output, as in the value ("每周1次").
            None => self
                .number_apart()
                .filter(|(q, _)| q.is_count() && q.role == text::Role::Plain),
        }
    }

    /// Whether a quantity of the row is only a cap ("≤1600件", "不超过2000元/人", "1600件以内", or
    /// ≤ in the sign column): what it will be is not said, only what it will not exceed.
    pub fn caps(&self, q: &Quantity) -> bool {
        self.row.sign == Some(crate::model::Sign::AtMost)
            || self.value.signs.iter().any(|s| {
                matches!(s.kind, text::SignKind::AtMost | text::SignKind::Less)
                    && (s.span.end == q.span.start || s.span.start == q.span.end)
            })
    }

    /// A cost in money: a 成本 row other than the 社会成本 and 生态环境成本 of the 2021 framework,
    /// which state harm done to society or nature, often in words (财预〔2021〕101号).
    pub fn costs_money(&self) -> bool {
        self.category == Category::Cost && !matches!(&*self.l2, "社会成本指标" | "生态环境成本指标")
    }
}

/// One form, read.
#[derive(Debug, Clone)]
pub struct FormCtx<'a> {
    /// Which form.
    pub form: FormRef,
    /// The project, for a project form.
    pub project: Option<&'a ProjectForm>,
    /// The annual rows, then the long-term rows.
    pub rows: Vec<RowCtx<'a>>,
    /// The target or task text (年度目标 / 年度主要任务), read.
    pub target: Rc<Reading<'a>>,
    /// The field that holds it.
    pub target_field: Field,
    /// The project's 项目起止时间 and 中长期目标, read (empty for the overall form).
    pub period: Rc<Reading<'a>>,
    /// See `period`.
    pub long_term_target: Rc<Reading<'a>>,
}

impl FormCtx<'_> {
    /// The annual rows only.
    pub fn annual(&self) -> impl Iterator<Item = &RowCtx<'_>> {
        self.rows.iter().filter(|r| r.grid == Grid::Annual)
    }
}

/// Everything the rules read.
pub struct Ctx<'a> {
    /// The declaration.
    pub d: &'a Declaration,
    /// The profile in force.
    pub profile: &'a Profile,
    /// The budget year, from the declaration (else the overall form), when it is a year.
    pub budget_year: Option<u32>,
    /// The forms read: the overall form first, then project forms in order.
    pub forms: Vec<FormCtx<'a>>,
    /// How many distinct texts were read (each reading's `id` is below it).
    pub(crate) texts: usize,
    positions: HashMap<(FormRef, Grid, u32), usize, QuickHash>,
    /// Each project's id and place in the declaration (from 0), sorted by id.
    project_places: Vec<(u32, usize)>,
}

/// A fast hash for the keys of one check: the small integer keys that place findings, and the
/// texts of the declaration (read eight bytes at a step). The multiply-and-rotate of rustc's own
/// FxHasher: not proof against keys chosen to collide, but the ids are ours and the texts are
/// the user's own, who could only slow their own check.
#[derive(Default, Clone, Copy)]
pub(crate) struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        self.write_u64(u64::from_le_bytes(last));
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`QuickHasher`]s.
pub(crate) type QuickHash = std::hash::BuildHasherDefault<QuickHasher>;

fn category(l1: &str, l2: &str) -> Category {
    match l2 {
        "数量指标" => Category::Quantity,
        "质量指标" => Category::Quality,
        "时效指标" => Category::Timeliness,
        "成本指标" | "经济成本指标" | "社会成本指标" | "生态环境成本指标" => {
            Category::Cost
        }
        _ if l1 == COST => Category::Cost,
        _ if text::has(l2, "满意") || l1 == SATISFACTION => Category::Satisfaction,
        _ if text::has(l2, "效益") || text::has(l2, "影响") || l1 == BENEFIT => {
            Category::Benefit
        }
        _ => Category::Other,
    }
}

/// Reads each distinct text of a declaration once: a unit's forms repeat many texts (a standard
/// satisfaction target, a date, the same indicator name in many projects), and a reading depends
/// on the text alone.
#[derive(Default)]
struct Reader<'a> {
    read: HashMap<&'a str, Rc<Reading<'a>>, QuickHash>,
    /// The (一级, 二级) pairs met, standardised and classified: a form has a handful, repeated row
    /// after row, so a short list searched from its newest entry finds most at once.
    classes: Vec<(&'a str, &'a str, Class<'a>)>,
    /// Each distinct 三级 name without whitespace, by its reading's id.
    compact_names: Vec<Option<Cow<'a, str>>>,
}

/// A row's 一级 and 二级 standardised, and the category they make.
type Class<'a> = (Cow<'a, str>, Cow<'a, str>, Category);

impl<'a> Reader<'a> {
    fn read(&mut self, raw: &'a str) -> Rc<Reading<'a>> {
        let id = self.read.len();
        Rc::clone(self.read.entry(raw).or_insert_with(|| {
            let mut reading = Reading::new(raw);
            reading.id = id;
            Rc::new(reading)
        }))
    }

    /// A row's (一级, 二级) standardised and classified (二级 compared first: the pairs met
    /// share a handful of 一级 names).
    fn class(&mut self, level1: &'a str, level2: &'a str) -> Class<'a> {
        if let Some((.., class)) = self
            .classes
            .iter()
            .rev()
            .find(|(l1, l2, _)| *l2 == level2 && *l1 == level1)
        {
            return class.clone();
        }
        let (l1, l2) = (standard_level1(level1), standard_level2(level2));
        let class = (l1.clone(), l2.clone(), category(&l1, &l2));
        // A declaration of thousands of made-up pairs does not make every row search them all.
        if self.classes.len() < 64 {
            self.classes.push((level1, level2, class.clone()));
        }
        class
    }

    fn rows(&mut self, rows: &'a [IndicatorRow], grid: Grid, into: &mut Vec<RowCtx<'a>>) {
        into.extend(rows.iter().map(|row| {
            let (l1, l2, category) = self.class(&row.level1, &row.level2);
            let (level3, value) = if not_applicable(row) {
                ("", "")
            } else {
                (&row.level3[..], &row.value[..])
            };
            let name = self.read(level3);
            if self.compact_names.len() <= name.id {
                self.compact_names.resize(name.id + 1, None);
            }
            let level3 = self.compact_names[name.id]
                .get_or_insert_with(|| compact(level3))
                .clone();
            RowCtx {
                row,
                grid,
                category,
                level3,
                l1,
                l2,
                value: self.read(value),
                name,
            }
        }));
    }
}

/// A row that says its category does not apply: "无" (or "/", "—", "不涉及") in its name and
/// value, or in one with the other empty, as templates that list every 二级 ask. It reads as an
/// empty row. A real name with the value "无" ("安全责任事故" 无) is a target, and stays.
fn not_applicable(row: &IndicatorRow) -> bool {
    // Most names and values are longer than any mark with some space around it: answered by
    // their length.
    let mark = |text: &str| match text.len() {
        0 => Some(false),
        13.. => None,
        _ if text::marks_not_applicable(text) => Some(true),
        _ => text.trim().is_empty().then_some(false),
    };
    let Some(name) = mark(&row.level3) else {
        return false;
    };
    mark(&row.value).is_some_and(|value| name || value)
}

/// The budget year: the declaration's, else the overall form's, when it is a year.
pub fn budget_year(d: &Declaration) -> Option<u32> {
    parse_year(&d.year).or_else(|| parse_year(&d.overall.year))
}

/// Reads a year as typed ("2022", "２０２２年", "2022年度").
pub fn parse_year(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .map(text::fold)
        .filter(|c| !matches!(c, ' ' | '年' | '度'))
        .collect();
    let y: u32 = digits.parse().ok()?;
    (1900..=2199).contains(&y).then_some(y)
}

impl<'a> Ctx<'a> {
    /// Reads a declaration.
    pub fn new(d: &'a Declaration, profile: &'a Profile) -> Ctx<'a> {
        Self::reading(d, profile, |_| true)
    }

    /// Reads only the forms `wanted` picks by position (0 the overall form, k the k-th project);
    /// the rest of the declaration is still there, unread, in `d`.
    pub fn reading(
        d: &'a Declaration,
        profile: &'a Profile,
        wanted: impl Fn(usize) -> bool,
    ) -> Ctx<'a> {
        let budget_year = budget_year(d);
        // Room for a distinct text per row to be read (a row has two cells, and a unit's forms
        // repeat many texts), so the map seldom grows while it is filled.
        let rows_to_read = if wanted(0) {
            d.overall.indicators.len()
        } else {
            0
        } + (d.projects.iter().enumerate())
            .filter(|(i, _)| wanted(i + 1))
            .map(|(_, p)| p.indicators.len() + p.long_term_indicators.len())
            .sum::<usize>();
        let mut reader = Reader {
            read: HashMap::with_capacity_and_hasher(rows_to_read, QuickHash::default()),
            ..Reader::default()
        };
        let mut forms = Vec::new();
        if wanted(0) {
            let mut rows = Vec::with_capacity(d.overall.indicators.len());
            reader.rows(&d.overall.indicators, Grid::Annual, &mut rows);
            forms.push(FormCtx {
                form: FormRef::Overall,
                project: None,
                rows,
                target: reader.read(&d.overall.tasks),
                target_field: Field::Tasks,
                period: reader.read(""),
                long_term_target: reader.read(""),
            });
        }
        for (i, p) in d.projects.iter().enumerate() {
            if !wanted(i + 1) {
                continue;
            }
            let mut rows = Vec::with_capacity(p.indicators.len() + p.long_term_indicators.len());
            reader.rows(&p.indicators, Grid::Annual, &mut rows);
            reader.rows(&p.long_term_indicators, Grid::LongTerm, &mut rows);
            forms.push(FormCtx {
                form: FormRef::Project(p.id),
                project: Some(p),
                rows,
                target: reader.read(&p.annual_target),
                target_field: Field::AnnualTarget,
                period: reader.read(&p.period),
                long_term_target: reader.read(&p.long_term_target),
            });
        }
        let texts = reader.read.len();
        let rows: usize = forms.iter().map(|f| f.rows.len()).sum();
        let mut positions = HashMap::with_capacity_and_hasher(rows, QuickHash::default());
        for f in &forms {
            for (k, r) in f.rows.iter().enumerate() {
                positions.insert((f.form, r.grid, r.row.id.0), k);
            }
        }
        let mut project_places: Vec<(u32, usize)> = (d.projects.iter().enumerate())
            .map(|(i, p)| (p.id.0, i))
            .collect();
        project_places.sort_unstable();
        Ctx {
            d,
            profile,
            budget_year,
            forms,
            texts,
            positions,
            project_places,
        }
    }

    /// The project forms that were read.
    pub fn projects(&self) -> impl Iterator<Item = &FormCtx<'a>> {
        self.forms.iter().filter(|f| f.project.is_some())
    }

    /// The overall form, when it was read.
    pub fn overall(&self) -> Option<&FormCtx<'a>> {
        self.forms.first().filter(|f| f.form == FormRef::Overall)
    }

    /// Sort key of a finding: form, then its place in the form ([`Ctx::place_key`]).
    pub(crate) fn order_key(&self, f: &Finding) -> OrderKey {
        in_form(
            f.path.form().map_or(0, |form| self.form_rank(form)),
            self.place_key(f),
        )
    }

    /// Where a form sorts: 0 for the declaration's own fields, then 1 the overall form, 2… projects.
    pub(crate) fn form_rank(&self, form: FormRef) -> usize {
        let FormRef::Project(id) = form else {
            return 1;
        };
        let places = &self.project_places;
        places
            .binary_search_by_key(&id.0, |p| p.0)
            .map_or(usize::MAX, |k| places[k].1 + 2)
    }

    /// Where a finding sorts inside its form: section, row, field, rule, span. Rows are known
    /// only for the forms that were read.
    pub(crate) fn place_key(&self, f: &Finding) -> PlaceKey {
        let (section, row, field) = match f.path {
            Path::DeclarationYear | Path::Form(_) => (0, 0, 0),
            Path::DeclarationUnit => (0, 0, 1),
            Path::Field(_, field) => (1, 0, field as u16),
            Path::Grid(_, grid) => (grid_rank(grid), 0, 0),
            Path::Cell(form, grid, row, field) => {
                let k = self.positions.get(&(form, grid, row.0)).copied();
                (
                    grid_rank(grid),
                    k.map_or(usize::MAX, |k| k + 1),
                    field as u16,
                )
            }
        };
        // Each part in its bits, a larger number standing as the largest that fits.
        let bits =
            |n: usize, bits: u32| u128::try_from(n).map_or(u128::MAX, |n| n.min((1 << bits) - 1));
        u128::from(section) << 94
            | bits(row, 24) << 70
            | bits(usize::from(field), 6) << 64
            | u128::from(rule_order(f.rule)) << 32
            | bits(f.span.map_or(0, |s| s.start), 32)
    }
}

/// Where a finding sorts inside its form, as one number below 2^96: section (bits 94–95), row
/// (70–93), field (64–69), rule id (32–63, see [`rule_order`]), first char of the span (0–31).
pub(crate) type PlaceKey = u128;

/// Where a finding sorts in the report, as one number: its form's rank ([`Ctx::form_rank`], bits
/// 96–127) above its place in the form. (One number, so the report's findings and the incremental
/// checker's are sorted by one compiled sort, of `(u128, Rc<Finding>)`.)
pub(crate) type OrderKey = u128;

/// The order key of a place in the form of a rank.
pub(crate) fn in_form(rank: usize, place: PlaceKey) -> OrderKey {
    u128::from(u32::try_from(rank).unwrap_or(u32::MAX)) << 96 | place
}

/// A rule id as a number that sorts as the id does ("C10" before "C2"): its first four bytes,
/// big-endian, zero-padded (every id is at most four bytes; a test keeps it so).
pub(crate) fn rule_order(id: &str) -> u32 {
    let mut b = [0u8; 4];
    for (slot, byte) in b.iter_mut().zip(id.bytes()) {
        *slot = byte;
    }
    u32::from_be_bytes(b)
}

/// Compares names ignoring all whitespace.
pub fn same_name(a: &str, b: &str) -> bool {
    compact(a) == compact(b)
}

/// The standard 一级 names of a project form.
pub const PROJECT_LEVEL1: [&str; 4] = [OUTPUT, BENEFIT, SATISFACTION, COST];

#[cfg(test)]
mod tests {
    use super::{parse_year, rule_order};
    use crate::check::registry::RULES;

    #[test]
    fn parse_year_reads_what_staff_type() {
        for (typed, year) in [
            ("2022", Some(2022)),
            ("２０２２年", Some(2022)),
            ("2022年度", Some(2022)),
            (" 2022 ", Some(2022)),
            ("+2022", Some(2022)),
            ("", None),
            ("年度", None),
            ("+", None),
            ("-2022", None),
            ("2022.0", None),
            ("二〇二二年", None),
            ("1899", None),
            ("99999999999", None),
        ] {
            assert_eq!(parse_year(typed), year, "{typed}");
        }
    }

    #[test]
    fn mentions_agrees_with_searching_the_text() {
        let texts = [
            "",
            "群众满意度≥95%",
            "受助学生满意率",
            "预算执行率100%",
            "按攀人办[2019]53号执行",
            "Ｘ［bookmark: _GoBack］",
            "资金总额 20 万元",
            "满",
        ];
        let words = [
            "满意",
            "满意度",
            "执行率",
            "[bookmark",
            "资金总额",
            "万元",
            "号",
            "X",
        ];
        for t in texts {
            let reading = super::Reading::new(t);
            for w in words {
                assert_eq!(reading.mentions(w), crate::text::has(t, w), "{t} / {w}");
            }
        }
    }

    #[test]
    fn rule_order_sorts_as_the_ids_do() {
        assert!(
            RULES.iter().all(|r| r.id.len() <= 4),
            "an id longer than 4 bytes"
        );
        for a in RULES {
            for b in RULES {
                assert_eq!(rule_order(a.id).cmp(&rule_order(b.id)), a.id.cmp(b.id));
            }
        }
        assert!(rule_order("C10") < rule_order("C2"));
    }
}
