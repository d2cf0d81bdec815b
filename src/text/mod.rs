//! Reading the free text of form cells: numbers, quantities with units, money, years and periods,
//! signs and sign words, ranges, enumerated items and document numbers.
//!
//! Every reader works on [`Folded`] text, a char-for-char normalisation of the original, so a span
//! (start..end in chars) found here points at the same characters of what the user typed.

mod numerals;
#[cfg(test)]
mod tests;

pub use numerals::parse_chinese_numeral;

use rust_decimal::Decimal;

/// A char range in a cell's text (counted in chars, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl Span {
    /// A span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// Maps one char to its normal form: full-width ASCII to ASCII, ≧ to ≥, ≦ to ≤, ＝/═ to =,
/// ％ to %, every kind of space to ' '. Never changes the number of chars.
#[inline]
pub fn fold(c: char) -> char {
    // Ideographs and kana, most of a Chinese text, fold to themselves: answered in one test
    // (a test checks the table maps none of them).
    if ('\u{3041}'..'\u{FF01}').contains(&c) {
        return c;
    }
    fold_by_table(c)
}

/// [`fold`] for any char.
fn fold_by_table(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '≧' => '≥',
        '≦' => '≤',
        '═' => '=',
        '\u{3000}' | '\u{a0}' | '\t' | '\r' | '\n' | '\u{2002}' | '\u{2003}' | '\u{200b}' => ' ',
        '–' | '—' => '-',
        '〜' => '~',
        _ => c,
    }
}

/// A set of chars in 48 bytes: exact for ASCII and for the CJK punctuation block (U+3000–U+303F,
/// where 、。《》【】〔〕 are), a 64-bit Bloom filter for the ideographs (U+3400–U+9FFF) and another
/// for every other char — so it may claim a char it does not hold, never the reverse; symbols such
/// as ≥ “ ” have a filter of their own so that the many ideographs of a text do not fill it.
/// Each folded text keeps the set of its chars, so a reader or a rule asks it whether the marks it
/// looks for can be there before walking the text: most cells hold none of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet {
    ascii: u128,
    punctuation: u64,
    ideographs: u64,
    symbols: u64,
}

impl CharSet {
    /// The set of the chars of a list (usable in a `const`).
    pub const fn of(chars: &[char]) -> CharSet {
        let mut set = CharSet {
            ascii: 0,
            punctuation: 0,
            ideographs: 0,
            symbols: 0,
        };
        let mut i = 0;
        while i < chars.len() {
            set = set.with(chars[i]);
            i += 1;
        }
        set
    }

    /// The set of the first chars of words (usable in a `const`).
    pub const fn firsts_of(words: &[Word]) -> CharSet {
        let mut set = CharSet::of(&[]);
        let mut i = 0;
        while i < words.len() {
            if words[i].len > 0 {
                set = set.with(words[i].chars[0]);
            }
            i += 1;
        }
        set
    }

    /// The set with one more char.
    #[inline]
    pub const fn with(mut self, c: char) -> CharSet {
        let code = c as u32;
        if code < 0x80 {
            self.ascii |= 1 << code;
        } else if code >= 0x3000 && code < 0x3040 {
            self.punctuation |= 1 << (code - 0x3000);
        } else if code >= 0x3400 && code <= 0x9FFF {
            self.ideographs |= 1 << (code.wrapping_mul(0x9E37_79B9) >> 26);
        } else {
            self.symbols |= 1 << (code.wrapping_mul(0x9E37_79B9) >> 26);
        }
        self
    }

    /// Whether the set may hold `c` (always true when it does).
    pub fn may_hold(self, c: char) -> bool {
        self.may_meet(CharSet::default().with(c))
    }

    /// Whether the two sets may share a char (always true when they do).
    #[inline]
    pub fn may_meet(self, other: CharSet) -> bool {
        self.ascii & other.ascii != 0
            || self.punctuation & other.punctuation != 0
            || self.ideographs & other.ideographs != 0
            || self.symbols & other.symbols != 0
    }

    /// True when every char of the set is ASCII and in `within` (exact: ASCII is never guessed).
    pub fn is_ascii_within(self, within: CharSet) -> bool {
        self.punctuation == 0
            && self.ideographs == 0
            && self.symbols == 0
            && self.ascii & !within.ascii == 0
    }
}

/// The ASCII digits.
pub const DIGITS: CharSet = CharSet::of(&['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/// The text of some chars, in one allocation of the exact size (collecting chars one by one
/// reserves a byte per char, and a Chinese char takes three).
pub fn string_of(chars: &[char]) -> String {
    let mut text = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    text.extend(chars);
    text
}

/// A cell's text folded char for char; indexes are char positions.
#[derive(Debug, Clone)]
pub struct Folded {
    chars: Chars,
    set: CharSet,
}

/// The folded chars: most cells (names, values) are short enough to be kept in place, which
/// saves an allocation for each of the thousands of texts a declaration has.
#[derive(Debug, Clone)]
enum Chars {
    Inline(u8, [char; Folded::INLINE]),
    Heap(Vec<char>),
}

impl Folded {
    /// The most chars kept in place.
    const INLINE: usize = 12;

    /// Folds a text.
    pub fn new(text: &str) -> Folded {
        let mut set = CharSet::default();
        let mut inline = ['\0'; Folded::INLINE];
        let mut rest = text.chars();
        let mut n = 0;
        while let Some(c) = rest.next() {
            let c = fold(c);
            set = set.with(c);
            if n == Folded::INLINE {
                // Too long to keep in place: one allocation (never more chars than bytes).
                let mut chars = Vec::with_capacity(n + 1 + rest.as_str().len());
                chars.extend_from_slice(&inline);
                chars.push(c);
                for c in rest.map(fold) {
                    set = set.with(c);
                    chars.push(c);
                }
                return Folded {
                    chars: Chars::Heap(chars),
                    set,
                };
            }
            inline[n] = c;
            n += 1;
        }
        Folded {
            chars: Chars::Inline(n as u8, inline),
            set,
        }
    }

    /// The folded chars.
    #[inline]
    pub fn chars(&self) -> &[char] {
        match &self.chars {
            Chars::Inline(n, chars) => &chars[..usize::from(*n)],
            Chars::Heap(chars) => chars,
        }
    }

    /// Every char the folded text holds (and, for chars outside ASCII and CJK punctuation, maybe others).
    pub fn char_set(&self) -> CharSet {
        self.set
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.chars().len()
    }

    /// True when there are no chars.
    pub fn is_empty(&self) -> bool {
        self.chars().is_empty()
    }

    /// The folded chars of a span (clamped to the text).
    pub fn span(&self, span: Span) -> &[char] {
        let end = span.end.min(self.len());
        &self.chars()[span.start.min(end)..end]
    }

    /// The folded text of a span.
    pub fn slice(&self, span: Span) -> String {
        string_of(self.span(span))
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars().get(i).copied()
    }

    /// Whether `word` stands at char `i`.
    pub(crate) fn has(&self, i: usize, word: &Word) -> bool {
        self.chars().get(i..i + word.len()) == Some(word.chars())
    }
}

/// A short word decoded to chars when the program is compiled, so matching it against folded
/// text is a slice comparison (the readers match hundreds of units and words at every number).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// The word.
    pub text: &'static str,
    chars: [char; Word::MAX],
    len: usize,
}

impl Word {
    const MAX: usize = 8;

    /// Decodes a word of at most 8 chars (in a `const`, as [`words!`] makes them, a longer one
    /// does not compile).
    pub const fn new(text: &'static str) -> Word {
        let b = text.as_bytes();
        let mut chars = ['\0'; Word::MAX];
        let (mut i, mut len) = (0, 0);
        while i < b.len() {
            let lead = b[i] as u32;
            let (first, width) = match lead {
                0..=0x7F => (lead, 1),
                0xC0..=0xDF => (lead & 0x1F, 2),
                0xE0..=0xEF => (lead & 0x0F, 3),
                _ => (lead & 0x07, 4),
            };
            let mut code = first;
            let mut k = 1;
            while k < width {
                code = (code << 6) | (b[i + k] as u32 & 0x3F);
                k += 1;
            }
            chars[len] = match char::from_u32(code) {
                Some(c) => c,
                None => panic!("not a char"),
            };
            len += 1;
            i += width;
        }
        Word { text, chars, len }
    }

    /// Its chars.
    pub fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }

    /// Its length in chars.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for the empty word (found nowhere).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Its first char ('\0' for the empty word).
    pub fn first(&self) -> char {
        self.chars[0]
    }
}

/// A table of [`Word`]s from string literals.
macro_rules! words {
    ($($w:literal),* $(,)?) => { &[$($crate::text::Word::new($w)),*] };
}
pub(crate) use words;

/// A list of words to look for in many texts, indexed by first char once so that each char of a
/// text costs one lookup. The words must be ones folding leaves as they are (Chinese words; a
/// test checks the tables), so a span found in folded text points at what the user typed.
pub struct WordSet<'w> {
    words: &'w [Word],
    /// For each first char (modulo 64), the indexes of the words that start with it.
    by_first: Vec<Vec<usize>>,
    /// Bit `n` set when a word's first char is `n` modulo 64 (a char of a text that misses it
    /// costs one test).
    buckets: u64,
    /// The first chars of the words.
    firsts: CharSet,
}

impl<'w> WordSet<'w> {
    /// Indexes the words (empty words are never found).
    pub fn new(words: &'w [Word]) -> WordSet<'w> {
        let mut by_first = vec![Vec::new(); 64];
        let mut buckets = 0;
        for (k, w) in words.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
            by_first[w.first() as usize % 64].push(k);
            buckets |= 1 << (w.first() as u32 % 64);
        }
        WordSet {
            words,
            by_first,
            buckets,
            firsts: CharSet::firsts_of(words),
        }
    }

    /// The first word (in list order) that stands at char `i`: its index.
    #[inline]
    pub fn first_at(&self, chars: &[char], i: usize) -> Option<usize> {
        let first = *chars.get(i)?;
        if self.buckets & (1 << (first as u32 % 64)) == 0 {
            return None;
        }
        self.by_first[first as usize % 64]
            .iter()
            .copied()
            .find(|&k| self.stands_at(k, chars, i))
    }

    /// Whether word `k` stands at char `i` (its first char compared before the rest).
    #[inline]
    fn stands_at(&self, k: usize, chars: &[char], i: usize) -> bool {
        let w = self.words[k].chars();
        chars[i] == w[0] && chars[i..].starts_with(w)
    }

    /// Every occurrence of any of the words in a folded text, in one pass: (index into the
    /// words, char span).
    pub fn find(&self, f: &Folded) -> Vec<(usize, Span)> {
        let mut found = Vec::new();
        if !f.char_set().may_meet(self.firsts) {
            return found;
        }
        let chars = f.chars();
        for (i, &ch) in chars.iter().enumerate() {
            if self.buckets & (1 << (ch as u32 % 64)) == 0 {
                continue;
            }
            for &k in &self.by_first[ch as usize % 64] {
                if self.stands_at(k, chars, i) {
                    found.push((k, Span::new(i, i + self.words[k].len())));
                }
            }
        }
        found
    }
}

/// What a price counts per: the unit after its first slash ("1500元/件" → 件), else by the
/// per-word ([`EACH`]) nearest before it in its clause: the 人 of 人均 (户均, 亩均 …), or the unit
/// after a 每 that is no period of time ("每人每年2000元" → 人): a price per a period is per the
/// budget's year or month, which no count of output measures. With the unit, the char that names
/// what it counts, when one follows a 每 and its unit ("每个站" → 站).
pub fn per_unit<'q>(f: &Folded, price: &'q Quantity) -> Option<(&'q str, Option<char>)> {
    if let Some(unit) = price.per.first() {
        return Some((unit, None));
    }
    let c = f.chars();
    let clause = c[..price.span.start].iter().rposition(|ch| is_delim(*ch));
    (clause.map_or(0, |k| k + 1)..price.span.start)
        .rev()
        .filter_map(|k| {
            let each = EACH.iter().find(|w| w.first() == c[k] && f.has(k, w))?;
            if let Some(head) = each.text.strip_suffix('均') {
                return Some((head, None));
            }
            let unit = unit_at(f, k + 1).filter(|u| !matches!(*u, "年" | "月" | "季度"))?;
            let named = c.get(k + 1 + unit.chars().count()).copied();
            Some((
                unit,
                named.filter(|ch| !is_delim(*ch) && !is_digit(*ch) && *ch != '每'),
            ))
        })
        .next()
}

/// The plain counts among quantities (not money, a rate or a price per unit): "1200名", "19个".
pub fn counts(qs: &[Quantity]) -> impl Iterator<Item = &Quantity> {
    qs.iter().filter(|q| q.role == Role::Plain && q.is_count())
}

/// The signs of a product written out ("8万元×20座").
const TIMES: &[&[char]] = &[&['×'], &['*'], &['x'], &['X'], &['乘'], &['乘', '以']];
/// What stands before the result of a product ("=160万元", "合计160万元").
const MAKES: &[&[char]] = &[&['='], &['共'], &['合', '计'], &['共', '计'], &['总', '计']];

/// Products written out: "8万元×20座=160万元", "每人2000元×1200人，合计240万元",
/// "240万元（每人2000元×1200人）". Each is two factors and their result, as indexes into `qs`
/// (the quantities of `f`, in order).
pub fn products(f: &Folded, qs: &[Quantity]) -> Vec<[usize; 3]> {
    // Most texts have no sign of a product: answered by their char set.
    if qs.len() < 3
        || !f
            .char_set()
            .may_meet(const { CharSet::of(&['×', '*', 'x', 'X', '乘']) })
    {
        return Vec::new();
    }
    let c = f.chars();
    // The chars between two quantities, spaces aside (none when they overlap).
    let between = |a: usize, b: usize| {
        let s = c.get(qs[a].span.end..qs[b].span.start).unwrap_or_default();
        let start = s.iter().position(|ch| *ch != ' ').unwrap_or(s.len());
        let end = s.iter().rposition(|ch| *ch != ' ').map_or(start, |e| e + 1);
        &s[start..end]
    };
    let mut found = Vec::new();
    for i in 1..qs.len() {
        if !TIMES.contains(&between(i - 1, i)) {
            continue;
        }
        // A × B = C, or A × B, 合计 C.
        if i + 1 < qs.len() {
            let result = between(i, i + 1);
            if MAKES.contains(&result.strip_prefix(&[',']).unwrap_or(result)) {
                found.push([i - 1, i, i + 1]);
                continue;
            }
        }
        // C（A × B）: the factors in brackets after the result, a few words before them.
        if i >= 2 && c.get(qs[i].span.end) == Some(&')') {
            if let ['(', words @ ..] = between(i - 2, i - 1) {
                if words.len() <= 4 && !words.iter().any(|ch| is_delim(*ch)) {
                    found.push([i - 1, i, i - 2]);
                }
            }
        }
    }
    found
}

/// The one quantity a text is, with a sign before it at most ("1260公里", "≥85%", "10分"): how
/// a number typed with its unit into a cell for numbers reads.
pub fn lone_quantity(text: &str) -> Option<Quantity> {
    let folded = Folded::new(text.trim());
    let [q] = <[Quantity; 1]>::try_from(quantities(&folded)).ok()?;
    let before = folded.slice(Span::new(0, q.span.start));
    let signs_only = before
        .chars()
        .all(|c| matches!(c, '≥' | '≤' | '=' | '>' | '<' | ' '));
    (signs_only && q.span.end == folded.len()).then_some(q)
}

/// Whether a cell says only that it does not apply: "无", "/", "—", "不涉及" … (with any space
/// around it).
pub fn marks_not_applicable(text: &str) -> bool {
    matches!(
        text.trim(),
        "无" | "/" | "-" | "—" | "——" | "不涉及" | "不适用"
    )
}

/// Whether `needle` occurs in `hay`. A plain scan of bytes: on the short texts of form cells it is
/// several times faster than `str::contains`, which first prepares a search for long texts.
pub fn has(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((first, rest)) = needle.split_first() else {
        return true;
    };
    hay.len() >= needle.len()
        && hay[..=hay.len() - needle.len()]
            .iter()
            .enumerate()
            .any(|(i, b)| b == first && hay[i + 1..].starts_with(rest))
}

/// Measure words and units a number can carry, longest first so "万元" wins over "万".
const UNITS: &[Word] = words![
    "个百分点",
    "百分点",
    "平方公里",
    "平方千米",
    "人日",
    "工日",
    "兆瓦",
    "乡镇",
    "万元",
    "亿元",
    "千元",
    "人次",
    "户次",
    "件次",
    "场次",
    "批次",
    "班次",
    "平方米",
    "立方米",
    "千瓦时",
    "千米",
    "公里",
    "公顷",
    "千瓦",
    "千克",
    "公斤",
    "小时",
    "分钟",
    "个月",
    "工作日",
    "元",
    "%",
    "‰",
    "个",
    "名",
    "人",
    "次",
    "项",
    "件",
    "台次",
    "台",
    "套",
    "座",
    "处",
    "所",
    "家",
    "户",
    "辆",
    "份",
    "册",
    "本",
    "场",
    "期",
    "批",
    "篇",
    "部",
    "条",
    "张",
    "间",
    "只",
    "头",
    "株",
    "棵",
    "亩",
    "米",
    "吨",
    "天",
    "日",
    "周",
    "月",
    "年",
    "届",
    "轮",
    "位",
    "例",
    "门",
    "栋",
    "幢",
    "支",
    "组",
    "队",
    "站",
    "室",
    "分",
    "万",
    "亿",
    "课时",
    "学时",
    "床",
    "块",
    "箱",
    "架次",
    "车次",
    "班",
    "片",
    "宗",
    "起",
    "单",
    "页",
    "盏",
    "口",
    "眼",
    "根",
    "种",
    "剂次",
    "剂",
    "羽",
    "尾",
    "枚",
    // Of archives, maps and art, songs, ships, culverts and bridges, doors and windows, tents,
    // packaged goods, floors, villages.
    "卷",
    "幅",
    "首",
    "艘",
    "孔",
    "樘",
    "扇",
    "顶",
    "瓶",
    "袋",
    "盒",
    "包",
    "桶",
    "斤",
    "层",
    "村",
];

/// Whether a text is a unit this reader knows (after [`normalise_unit`]), or a rate of one per
/// others ("元/人·年", "元/生", "次/月": what follows the slash is known or a short noun).
pub fn is_known_unit(unit: &str) -> bool {
    // Units of time and age a unit column holds that the reader does not list, as it reads "3个工作日"
    // as 个 and a noun ("个工作日", "个季度", "岁"); a unit in 万 ("万人", "万平方米"), which the
    // reader multiplies out.
    let known = |u: &str| {
        let u = u
            .strip_prefix(['个', '万'])
            .filter(|u| !u.is_empty())
            .unwrap_or(u);
        UNITS.iter().any(|w| w.text == u) || matches!(u, "学年" | "人天" | "季度" | "岁")
    };
    match unit.split_once('/') {
        None => known(unit),
        Some((of, per)) => {
            known(of)
                && per
                    .split(['/', '·'])
                    .all(|p| known(p) || (1..=2).contains(&p.chars().count()))
        }
    }
}

/// A name and what stands in brackets at its end, half- or full-width ("资助学生人数（人）" is
/// "资助学生人数" and "人"); the name itself and `None` when it ends otherwise.
pub fn split_trailing_bracket(name: &str) -> (&str, Option<&str>) {
    let inside = name.trim_end().strip_suffix([')', '）']);
    match inside.and_then(|rest| rest.rsplit_once(['(', '（'])) {
        Some((core, inner)) => (core, Some(inner)),
        None => (name, None),
    }
}

/// The unit a name states in brackets at its end, as many templates ask ("资助学生人数（人）",
/// "资助资金（单位：万元）", "准确率(%)"), normalised, when it is a unit this reader knows.
pub fn unit_in_brackets(name: &str) -> Option<String> {
    let inner = split_trailing_bracket(name).1?.trim();
    let inner = inner
        .strip_prefix("单位")
        .map_or(inner, |rest| rest.trim_start_matches([':', '：', ' ']));
    let unit = normalise_unit(inner);
    is_known_unit(&unit).then_some(unit)
}

/// Whether two units are one: the same, or two words for it — 人, 名 and 位 all count people
/// ("1200名" in the target, "≥1200人" in the indicator); 公里 and 千米, 千克 and 公斤 measure alike.
pub fn same_unit(a: &str, b: &str) -> bool {
    let group = |u: &str| match u {
        "人" | "名" | "位" => 1,
        "公里" | "千米" => 2,
        "千克" | "公斤" => 3,
        // A 场 of training is a 场次 of it, as 批 and 批次 of samples.
        "场" | "场次" => 4,
        "批" | "批次" => 5,
        "班" | "班次" => 6,
        _ => 0,
    };
    a == b || group(a) != 0 && group(a) == group(b)
}

/// Normalises a unit as typed: "M"/"m" → 米, "㎡" → 平方米, "KM"/"km" → 公里, "％" → %.
pub fn normalise_unit(unit: &str) -> String {
    let u: String = unit.chars().map(fold).filter(|c| *c != ' ').collect();
    match u.as_str() {
        "m" | "M" => "米".into(),
        "㎡" | "m2" | "m²" | "M2" => "平方米".into(),
        "m3" | "m³" | "㎥" => "立方米".into(),
        "km" | "KM" | "Km" => "公里".into(),
        "kg" | "KG" | "Kg" => "千克".into(),
        "t" | "T" => "吨".into(),
        "h" | "H" => "小时".into(),
        "kW·h" | "kWh" | "KWH" | "kwh" => "千瓦时".into(),
        _ => u,
    }
}

/// How many 万元 one of a money unit is ("元", "万元", "万" …); `None` for any other unit.
fn wan_per(unit: &str) -> Option<Decimal> {
    Some(match unit {
        "万元" | "万" => Decimal::ONE,
        "元" => Decimal::new(1, 4),
        "千元" => Decimal::new(1, 1),
        "亿元" | "亿" => Decimal::from(10_000),
        _ => return None,
    })
}

/// True for a unit of money ("元", "万元", "万" …).
pub fn is_money_unit(unit: &str) -> bool {
    wan_per(unit).is_some()
}

/// An amount of money in 万元, when `unit` is one of money.
pub fn in_wan(value: Decimal, unit: &str) -> Option<Decimal> {
    match wan_per(unit)? {
        // Already in 万元 (the most common): no multiplication.
        one if one == Decimal::ONE => Some(value),
        scale => times(value, scale),
    }
}

/// `value × by`, exact, or `None` past what a decimal holds (rust_decimal's product would be
/// rounded; a form's numbers never get there): one copy of the multiplication for every scaling
/// the reader does (万元, 10万页) and every product the rules compute, in whole numbers of the
/// product's last place as [`crate::model::money::quotient`] divides.
#[inline(never)]
pub fn times(value: Decimal, by: Decimal) -> Option<Decimal> {
    let product = value.mantissa().checked_mul(by.mantissa())?;
    Decimal::try_from_i128_with_scale(product, value.scale() + by.scale()).ok()
}

/// What role a number plays in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A plain amount or count.
    Plain,
    /// A per-unit denominator or price: "每个6000元", "6000元一个", "1000元/人/年".
    PerUnit,
    /// A total: "合计20万元", "共计…", "总计…".
    Total,
}

/// A number with the unit or measure word after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number as written (before the 万 of a unit such as 万元 or 万人), multiplied out when 万
    /// or 亿 stand before a measure word not listed with them ("10万页" is 100000 页).
    pub value: Decimal,
    /// The unit or measure word ("名", "%", "万元", "" when none).
    pub unit: &'static str,
    /// Where the number and its unit stand.
    pub span: Span,
    /// Plain, per-unit or total.
    pub role: Role,
    /// For prices written "1000元/人/年": the units after the slashes.
    pub per: Vec<String>,
    /// Whether it was written in Chinese numerals ("六个").
    pub chinese: bool,
    /// Where the noun right after the unit stands, up to the next delimiter (at most 8 chars):
    /// "活动室" in "19个活动室" ([`Folded::span`] gives its chars).
    pub noun: Span,
}

impl Quantity {
    /// The amount in 万元 when this is money.
    pub fn money_wan(&self) -> Option<Decimal> {
        in_wan(self.value, self.unit)
    }

    /// True for money units.
    pub fn is_money(&self) -> bool {
        is_money_unit(self.unit)
    }

    /// True for a count of things (not money, not a percentage, not a time unit).
    pub fn is_count(&self) -> bool {
        !self.is_money()
            && !matches!(
                self.unit,
                "" | "%"
                    | "‰"
                    | "个百分点"
                    | "百分点"
                    | "年"
                    | "月"
                    | "个月"
                    | "日"
                    | "天"
                    | "周"
                    | "小时"
                    | "分钟"
                    | "分"
                    | "万"
                    | "亿"
            )
    }
}

/// A year named in text ("2022年", "二〇二二年").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMention {
    /// The year.
    pub year: u32,
    /// Where it stands.
    pub span: Span,
}

/// A period "2022年1月至12月", "2021年1月至2022年3月", "2022年全年".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Start year and month.
    pub start: (u32, u32),
    /// End year and month.
    pub end: (u32, u32),
    /// Where it stands.
    pub span: Span,
}

/// A comparison sign read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignKind {
    /// ≥, 不低于, 不少于, 至少, 以上.
    AtLeast,
    /// ≤, 不高于, 不超过, 以内, 以下.
    AtMost,
    /// =.
    Equal,
    /// >.
    Greater,
    /// <.
    Less,
}

/// A sign as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignMention {
    /// Which comparison.
    pub kind: SignKind,
    /// Where it stands.
    pub span: Span,
    /// A word ("不少于", "以上") rather than a symbol.
    pub word: bool,
    /// A suffix word after the number ("以上", "以下", "以内").
    pub suffix: bool,
    /// A word before the number that Chinese completes with a suffix word ("达到…以上",
    /// "控制在…以内"), so that the two together are one sign, not a sign said twice.
    pub wants_suffix: bool,
    /// A non-standard symbol as typed (≧, ≦, >=, <=), with its standard form.
    pub nonstandard: Option<(&'static str, &'static str)>,
}

/// A range target "1至5个".
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// Lower bound.
    pub low: Decimal,
    /// Upper bound.
    pub high: Decimal,
    /// Unit after the upper bound.
    pub unit: &'static str,
    /// Where it stands.
    pub span: Span,
}

/// Clause breaks in folded text (full-width ，；：（） are already folded to ASCII).
const DELIMS: &[char] = &[',', '。', ';', '、', ':', '!', '?', '(', ')', '\n', ' '];
/// True for an Arabic digit or a char of Chinese numerals.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (c >= '〇' && is_cn_digit(c))
}

/// True for the characters of Chinese numerals (〇零一二两三四五六七八九十百千万亿).
fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

fn is_delim(c: char) -> bool {
    DELIMS.contains(&c)
}

/// A number token before classification.
#[derive(Debug, Clone)]
struct RawNumber {
    value: Decimal,
    start: usize,
    end: usize,
    chinese: bool,
}

/// The first char at or after `from` that a number can start at (a digit or a Chinese numeral):
/// the readers jump from one to the next instead of trying every char.
fn next_number_start(f: &Folded, from: usize) -> Option<usize> {
    let c = f.chars().get(from..)?;
    let k = c.iter().position(|ch| is_digit(*ch))?;
    Some(from + k)
}

/// The number that starts at char `i`, in Arabic digits or Chinese numerals.
#[inline]
fn number_at(f: &Folded, i: usize) -> Option<RawNumber> {
    let c = *f.chars().get(i)?;
    if c.is_ascii_digit() {
        scan_arabic(f, i)
    } else if c >= '〇' && is_cn_digit(c) {
        scan_chinese(f, i)
    } else {
        None
    }
}

fn scan_arabic(f: &Folded, i: usize) -> Option<RawNumber> {
    let c = f.chars();
    if !c.get(i)?.is_ascii_digit() || (i > 0 && (c[i - 1].is_ascii_digit() || c[i - 1] == '.')) {
        return None;
    }
    let mut k = i;
    let mut digits = crate::model::money::Digits::new();
    while k < c.len() {
        let ch = c[k];
        if ch.is_ascii_digit() {
            digits.push(ch as u8 - b'0');
        } else if ch == ','
            && c.get(k + 1..k + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !c.get(k + 4).is_some_and(char::is_ascii_digit)
            && !digits.has_point()
        {
            // A thousands separator: skipped.
        } else if ch == '.' && !digits.has_point() && c.get(k + 1).is_some_and(char::is_ascii_digit)
        {
            digits.point();
        } else {
            break;
        }
        k += 1;
    }
    let value = digits.value()?;
    Some(RawNumber {
        value,
        start: i,
        end: k,
        chinese: false,
    })
}

fn scan_chinese(f: &Folded, i: usize) -> Option<RawNumber> {
    let c = f.chars();
    if !is_cn_digit(*c.get(i)?) || (i > 0 && is_cn_digit(c[i - 1])) {
        return None;
    }
    // 万 and 亿 alone are units ("105万元"), not numbers.
    if matches!(c[i], '万' | '亿' | '百' | '千') {
        return None;
    }
    let mut k = i;
    while k < c.len() && is_cn_digit(c[k]) {
        k += 1;
    }
    // "一万元" keeps 万 as the unit when 元 follows.
    if k - i > 1 && matches!(c[k - 1], '万' | '亿') && c.get(k) == Some(&'元') {
        k -= 1;
    }
    let value = numerals::numeral_value(&c[i..k])?;
    Some(RawNumber {
        value: Decimal::from(value),
        start: i,
        end: k,
        chinese: true,
    })
}

fn unit_at(f: &Folded, i: usize) -> Option<&'static str> {
    // Indexed once; the first in list order wins, and UNITS lists longer units first.
    static UNIT_SET: std::sync::OnceLock<WordSet<'static>> = std::sync::OnceLock::new();
    let units = UNIT_SET.get_or_init(|| WordSet::new(UNITS));
    units.first_at(f.chars(), i).map(|k| UNITS[k].text)
}

/// The unit after an Arabic number ending at char `i`, and where it ends: right after the number,
/// after spaces ("1200 名", "≥95 %", as text pasted from Word has them), or in brackets ("1200（名）").
fn unit_after(f: &Folded, i: usize) -> Option<(&'static str, usize)> {
    let c = f.chars();
    let k = i + c[i.min(c.len())..]
        .iter()
        .take_while(|ch| **ch == ' ')
        .count();
    if c.get(k) == Some(&'(') {
        let unit = unit_at(f, k + 1)?;
        let end = k + 1 + unit.chars().count();
        return (c.get(end) == Some(&')')).then_some((unit, end + 1));
    }
    unit_at(f, k).map(|unit| (unit, k + unit.chars().count()))
}

/// True when the number at `start` is a list enumerator: "1、", "2.", "（1）", "(2)".
fn is_enumerator(f: &Folded, n: &RawNumber) -> bool {
    let c = f.chars();
    let before = if n.start == 0 {
        None
    } else {
        c.get(n.start - 1).copied()
    };
    let after = c.get(n.end).copied();
    match after {
        Some('、') => true,
        Some('.') | Some('．') => {
            starts_clause(before) && !c.get(n.end + 1).is_some_and(char::is_ascii_digit)
        }
        Some(')') => before == Some('(') || closes_list_marker(f, n.end),
        _ => false,
    }
}

/// True at the start of a text (`None`) or right after a clause break.
fn starts_clause(before: Option<char>) -> bool {
    before.is_none_or(|b| is_delim(b) || matches!(b, '。' | '；' | ';' | ' ' | '：' | ':'))
}

/// Whether the `)` at char `i` (） folds to it) closes a list marker at the start of the text or
/// of a clause: "1）", "2)", "一）", "a)" — an enumeration, not a bracket left unopened.
pub fn closes_list_marker(f: &Folded, i: usize) -> bool {
    let c = f.chars();
    if c.get(i) != Some(&')') {
        return false;
    }
    let marker = c[..i]
        .iter()
        .rev()
        .take_while(|ch| ch.is_ascii_alphanumeric() || is_cn_digit(**ch))
        .count();
    let start = i - marker;
    (1..=2).contains(&marker) && starts_clause(start.checked_sub(1).map(|k| c[k]))
}

/// Whether one of `words` stands in the `max` chars before `start`, in the same clause. `firsts`
/// is the set of the words' first chars ([`CharSet::firsts_of`]): a text without any of them is
/// answered at once.
fn looks_back_for(f: &Folded, start: usize, words: &[Word], firsts: CharSet, max: usize) -> bool {
    if !f.char_set().may_meet(firsts) {
        return false;
    }
    let c = f.chars();
    let lo = start.saturating_sub(max);
    // A note in brackets right before the number is passed over ("每头（只）0.3元"); a bracket
    // further back ends the clause ("培训（每期3天）费用20万元").
    let mut k = match start.checked_sub(1).map(|i| c[i]) {
        Some(')') => c[..start - 1]
            .iter()
            .rposition(|ch| *ch == '(')
            .unwrap_or(start),
        _ => start,
    };
    while k > lo {
        k -= 1;
        if is_delim(c[k]) && !matches!(c[k], ' ') {
            return false;
        }
        if words.iter().any(|w| w.chars[0] == c[k] && f.has(k, w)) {
            return true;
        }
    }
    false
}

fn noun_after(f: &Folded, i: usize) -> Span {
    let start = i.min(f.len());
    let len = f.chars()[start..]
        .iter()
        .take_while(|c| {
            !is_delim(**c) && !c.is_ascii_digit() && !matches!(c, '“' | '”' | '"' | '.' | '/')
        })
        .take(8)
        .count();
    Span::new(start, start + len)
}

/// Every number in the text with its unit and role, in order. Years ("2022年"), list enumerators
/// ("1、") and Chinese numerals without a measure word ("一类", "进一步") are left out.
pub fn quantities(f: &Folded) -> Vec<Quantity> {
    let mut out = Vec::new();
    let c = f.chars();
    let mut i = 0;
    while let Some(start) = next_number_start(f, i) {
        // "百分之九十五" is 95%, "百分之百" 100% (a lone 百 is no numeral to the scanner).
        let percent = c[start..].starts_with(&['百', '分', '之']);
        let found = if percent && c.get(start + 3) == Some(&'百') {
            Some(RawNumber {
                value: Decimal::ONE_HUNDRED,
                start,
                end: start + 4,
                chinese: true,
            })
        } else {
            number_at(f, start + 3 * usize::from(percent))
        };
        let Some(mut n) = found else {
            i = start + 1;
            continue;
        };
        // A percentage in words stands from its 百分之.
        n.start = start;
        i = n.end;
        if is_enumerator(f, &n) {
            continue;
        }
        // Ordinals: 第一, 第3.
        if n.start > 0 && c[n.start - 1] == '第' {
            continue;
        }
        let unit = if percent {
            Some(("%", n.end))
        } else if n.chinese {
            unit_at(f, n.end).map(|u| (u, n.end + u.chars().count()))
        } else {
            unit_after(f, n.end)
        }
        // "1500余人", "二十多个": more than the number, which is what the text states.
        .or_else(|| {
            let at = n.end + 1;
            matches!(c.get(n.end), Some('余' | '多'))
                .then(|| unit_at(f, at))
                .flatten()
                .map(|u| (u, at + u.chars().count()))
        });
        if n.chinese && unit.is_none() {
            continue;
        }
        let (unit, unit_end) = unit.unwrap_or(("", n.end));
        // Ordinals of sessions: 十三届, and the 二次 of 二次会议 that follows a 届.
        if unit == "届" {
            continue;
        }
        if unit == "次"
            && f.has(n.end + 1, &MEETING)
            && c[n.start.saturating_sub(4)..n.start].contains(&'届')
        {
            continue;
        }
        // "一次性", "一次验收合格率", "一次办结率", "最多跑一次": how, not how many.
        if n.chinese
            && unit == "次"
            && n.value == Decimal::ONE
            && (c.get(unit_end) == Some(&'性')
                || n.start > 0 && c[n.start - 1] == '跑'
                || (c[unit_end..].iter())
                    .take_while(|ch| !is_delim(**ch))
                    .take(8)
                    .any(|ch| *ch == '率'))
        {
            continue;
        }
        if unit == "年"
            && n.value >= Decimal::from(1900)
            && n.value <= Decimal::from(2199)
            && n.value.scale() == 0
        {
            continue; // a year
        }
        // Document numbers: [2019]53号, 〔2014〕126号.
        if unit.is_empty()
            && matches!(
                c.get(n.end),
                Some('号') | Some(']') | Some('〕') | Some('】')
            )
        {
            continue;
        }
        let (mut value, mut unit, mut end) = (n.value, unit, unit_end);
        if let Some((scale, counted, counted_end)) = counted_after(f, unit, end) {
            if let Some(scaled) = times(value, scale) {
                (value, unit, end) = (scaled.normalize(), counted, counted_end);
            }
        }
        let mut per = Vec::new();
        // "1000元/人/年", and "6000元/床·年" after a first slash.
        while c.get(end) == Some(&'/')
            || (!per.is_empty() && matches!(c.get(end), Some('·' | '・' | '•')))
        {
            let word: String = match unit_at(f, end + 1) {
                Some(u) => u.to_string(),
                None => match c.get(end + 1) {
                    Some(ch) if !is_delim(*ch) && *ch != '/' && !ch.is_ascii_digit() => {
                        ch.to_string()
                    }
                    _ => break,
                },
            };
            end += 1 + word.chars().count();
            per.push(word);
        }
        let money = is_money_unit(unit);
        // 每 makes the number a rate: within a few chars for a count ("每年开展培训不少于12次" is
        // a plain target), anywhere in the clause for money ("每个资助对象不超过2000元").
        let each_within = if money { n.start } else { 8 };
        let role = if !per.is_empty()
            || looks_back_for(
                f,
                n.start,
                EACH,
                const { CharSet::firsts_of(EACH) },
                each_within,
            )
            || (!money && preceded_by_money(&out, n.start))
        {
            Role::PerUnit
        } else if looks_back_for(
            f,
            n.start,
            TOTAL_WORDS,
            const { CharSet::firsts_of(TOTAL_WORDS) },
            8,
        ) {
            Role::Total
        } else {
            Role::Plain
        };
        out.push(Quantity {
            value,
            unit,
            span: Span::new(n.start, end),
            role,
            per,
            chinese: n.chinese,
            noun: noun_after(f, end),
        });
        i = end;
    }
    out
}

/// The words before a number that make it a per-unit figure ("每个6000元", "人均2000元").
const EACH: &[Word] = words!["每", "人均", "户均", "亩均", "生均"];

/// 会议, after the 次 of "二次会议" (a session, not a count).
const MEETING: Word = Word::new("会议");

/// After a year: the whole year ("2022年全年", "2022年度").
const WHOLE_YEAR: &[Word] = words!["全年", "度"];

/// Between the two ends of a period ("1月至12月").
const PERIOD_JOINERS: &[Word] = words!["至", "到", "-", "~", "—"];

/// Between the two ends of a range ("1至5个").
const RANGE_JOINERS: &[Word] = words!["至", "到", "-", "~"];

/// The first of `words` (in their order) that stands at char `i`.
fn word_at<'w>(f: &Folded, i: usize, words: &'w [Word]) -> Option<&'w Word> {
    words.iter().find(|w| f.has(i, w))
}

/// Words before a number that make it a total.
const TOTAL_WORDS: &[Word] =
    words!["合计", "共计", "总计", "公计", "累计", "总额", "总共", "一共"];

fn preceded_by_money(found: &[Quantity], start: usize) -> bool {
    found
        .last()
        .is_some_and(|q| q.is_money() && q.span.end == start)
}

/// Years named in text: "2022年", "2022年度", "二〇二二年", and the "2022" of "2022-2024".
pub fn years(f: &Folded) -> Vec<YearMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = next_number_start(f, i) {
        let Some((end, year)) = year_at(f, start) else {
            i = start + 1;
            continue;
        };
        i = end.max(start + 1);
        out.extend(year);
    }
    out
}

/// The number that starts at char `i` (where it ends), and the year it names, if it is one.
fn year_at(f: &Folded, i: usize) -> Option<(usize, Option<YearMention>)> {
    let c = f.chars();
    let n = number_at(f, i)?;
    let is_year_value =
        n.value.scale() == 0 && n.value >= Decimal::from(1900) && n.value <= Decimal::from(2199);
    let digits = n.end - n.start;
    let followed_by_year = c.get(n.end) == Some(&'年');
    let arabic_four = !n.chinese
        && digits == 4
        && !c
            .get(n.end)
            .is_some_and(|ch| matches!(ch, '元' | '万' | '%' | '.'));
    // A document number's year fills its brackets ("〔2014〕126号"); a period may open them
    // ("（2023-2025年）").
    let in_brackets = n.start > 0
        && matches!(c[n.start - 1], '[' | '〔' | '【' | '(')
        && matches!(c.get(n.end), Some(']' | '〕' | '】' | ')'));
    // A date written with dots ("2025.12.31", "2026.6"): the year before the first dot, read
    // as one number with a month of 1–12 after the point, and no unit after it.
    let digits_at = |from: usize, to: usize| {
        (from..to).try_fold(0, |acc, k| Some(acc * 10 + c.get(k)?.to_digit(10)?))
    };
    let dotted_year = digits_at(n.start, n.start + 4)
        .filter(|y| (1900..=2199).contains(y) && c.get(n.start + 4) == Some(&'.'))
        .filter(|_| {
            let month = digits_at(n.start + 5, n.end);
            (6..=7).contains(&(n.end - n.start)) && month.is_some_and(|m| (1..=12).contains(&m))
        })
        .filter(|_| unit_at(f, n.end).is_none());
    if let Some(year) = dotted_year {
        let span = Span::new(n.start, n.start + 4);
        return Some((n.end, Some(YearMention { year, span })));
    }
    let year = (is_year_value
        && (followed_by_year || (arabic_four && !in_brackets && unit_at(f, n.end).is_none())))
    .then(|| YearMention {
        year: n.value.try_into().unwrap_or(0),
        span: Span::new(n.start, n.end + usize::from(followed_by_year)),
    });
    Some((n.end, year))
}

fn month_at(f: &Folded, i: usize) -> Option<(u32, usize)> {
    let n = number_at(f, i)?;
    let m: u32 = n.value.try_into().ok()?;
    (f.at(n.end) == Some('月') && (1..=12).contains(&m)).then_some((m, n.end + 1))
}

/// Periods: "2022年1月至12月", "2021年1月-2022年3月", "2022年全年", "2022年度".
pub fn periods(f: &Folded) -> Vec<Period> {
    periods_from(f, &years(f))
}

/// [`periods`], from the text's [`years`] already read.
pub fn periods_from(f: &Folded, years: &[YearMention]) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for y in years {
        if out.last().is_some_and(|p| y.span.start < p.span.end) {
            continue;
        }
        let mut k = y.span.end;
        if let Some(w) = word_at(f, k, WHOLE_YEAR) {
            out.push(Period {
                start: (y.year, 1),
                end: (y.year, 12),
                span: Span::new(y.span.start, k + w.len()),
            });
            continue;
        }
        let Some((m1, after)) = month_at(f, k) else {
            continue;
        };
        k = after;
        let joined = word_at(f, k, PERIOD_JOINERS).map(Word::len);
        let Some(j) = joined else {
            out.push(Period {
                start: (y.year, m1),
                end: (y.year, m1),
                span: Span::new(y.span.start, k),
            });
            continue;
        };
        k += j;
        let mut end_year = y.year;
        if let Some((_, Some(y2))) = year_at(f, k) {
            end_year = y2.year;
            k = y2.span.end;
        }
        if let Some((m2, after)) = month_at(f, k) {
            out.push(Period {
                start: (y.year, m1),
                end: (end_year, m2),
                span: Span::new(y.span.start, after),
            });
        } else if end_year != y.year {
            out.push(Period {
                start: (y.year, m1),
                end: (end_year, 12),
                span: Span::new(y.span.start, k),
            });
        }
    }
    out
}

/// Sign words before a number, and whether Chinese completes each with 以上/以内 after it.
const SIGN_WORDS: &[(Word, SignKind, bool)] = &[
    (Word::new("大于等于"), SignKind::AtLeast, false),
    (Word::new("小于等于"), SignKind::AtMost, false),
    (Word::new("不低于"), SignKind::AtLeast, false),
    (Word::new("不少于"), SignKind::AtLeast, false),
    (Word::new("不小于"), SignKind::AtLeast, false),
    (Word::new("至少"), SignKind::AtLeast, false),
    (Word::new("不高于"), SignKind::AtMost, false),
    (Word::new("不超过"), SignKind::AtMost, false),
    (Word::new("不多于"), SignKind::AtMost, false),
    (Word::new("不大于"), SignKind::AtMost, false),
    (Word::new("控制在"), SignKind::AtMost, true),
    (Word::new("达到"), SignKind::AtLeast, true),
];

/// The chars a sign or a sign word starts with: the symbols, 以 (以上/以下/以内), and the first
/// char of each sign word.
const SIGN_STARTS: CharSet = {
    let mut set = CharSet::of(&['>', '<', '≥', '≤', '=', '以']);
    let mut i = 0;
    while i < SIGN_WORDS.len() {
        set = set.with(SIGN_WORDS[i].0.chars[0]);
        i += 1;
    }
    set
};

/// Signs and sign words, in order. Suffix words (以上/以下/以内) count only right after a number.
pub fn signs(f: &Folded, original: &str) -> Vec<SignMention> {
    let c = f.chars();
    let mut out = Vec::new();
    if !f.char_set().may_meet(SIGN_STARTS) {
        return out;
    }
    // Most cells hold no sign at all: look at the original only when one may be there.
    let mut typed = Typed::new(original);
    let mut i = 0;
    // From one char a sign can start at to the next.
    while let Some(k) = c
        .get(i..)
        .and_then(|rest| rest.iter().position(|ch| SIGN_STARTS.may_hold(*ch)))
    {
        i += k;
        match sign_at(f, &mut typed, i) {
            Some(sign) => {
                i = sign.span.end;
                out.push(sign);
            }
            None => i += 1,
        }
    }
    out
}

/// The chars of the text as typed, decoded when first asked for.
struct Typed<'t> {
    text: &'t str,
    chars: Option<Vec<char>>,
}

impl<'t> Typed<'t> {
    fn new(text: &'t str) -> Typed<'t> {
        Typed { text, chars: None }
    }

    fn at(&mut self, i: usize) -> Option<char> {
        let text = self.text;
        self.chars
            .get_or_insert_with(|| text.chars().collect())
            .get(i)
            .copied()
    }
}

/// The sign or sign word that starts at char `i`, if one does.
fn sign_at(f: &Folded, typed: &mut Typed, i: usize) -> Option<SignMention> {
    let c = f.chars();
    let next = c.get(i + 1).copied();
    let symbol = match (*c.get(i)?, next) {
        ('>', Some('=')) => Some((SignKind::AtLeast, 2, Some((">=", "≥")))),
        ('<', Some('=')) => Some((SignKind::AtMost, 2, Some(("<=", "≤")))),
        ('≥', _) => Some((
            SignKind::AtLeast,
            1,
            (typed.at(i) == Some('≧')).then_some(("≧", "≥")),
        )),
        ('≤', _) => Some((
            SignKind::AtMost,
            1,
            (typed.at(i) == Some('≦')).then_some(("≦", "≤")),
        )),
        ('=', _) => Some((
            SignKind::Equal,
            1,
            (typed.at(i) != Some('=')).then_some(("＝", "=")),
        )),
        ('>', _) => Some((SignKind::Greater, 1, None)),
        ('<', _) => Some((SignKind::Less, 1, None)),
        _ => None,
    };
    if let Some((kind, len, nonstandard)) = symbol {
        return Some(SignMention {
            kind,
            span: Span::new(i, i + len),
            word: false,
            suffix: false,
            wants_suffix: false,
            nonstandard,
        });
    }
    if let Some((w, kind, wants_suffix)) = SIGN_WORDS
        .iter()
        .find(|(w, ..)| w.first() == c[i] && f.has(i, w))
    {
        return Some(SignMention {
            kind: *kind,
            span: Span::new(i, i + w.len()),
            word: true,
            suffix: false,
            wants_suffix: *wants_suffix,
            nonstandard: None,
        });
    }
    if c[i] == '以' && i > 0 {
        let kind = match next {
            Some('上') => Some(SignKind::AtLeast),
            Some('下') | Some('内') => Some(SignKind::AtMost),
            _ => None,
        };
        // "90%及以上", "3人或以上", "95%（含）以上": the 及, 或 or （含） belongs to the sign word.
        let at = if i > 1 && matches!(c[i - 1], '及' | '或') {
            i - 1
        } else if i > 3 && c[i - 3..i] == ['(', '含', ')'] {
            i - 3
        } else {
            i
        };
        let after_number = c[at - 1].is_ascii_digit() || c[at - 1] == '%' || unit_ends_at(f, at);
        if let (Some(kind), true) = (kind, after_number) {
            return Some(SignMention {
                kind,
                span: Span::new(at, i + 2),
                word: true,
                suffix: true,
                wants_suffix: false,
                nonstandard: None,
            });
        }
    }
    None
}

fn unit_ends_at(f: &Folded, i: usize) -> bool {
    UNITS.iter().any(|u| {
        let n = u.len();
        i > n
            && f.has(i - n, u)
            && f.at(i - n - 1)
                .is_some_and(|c| c.is_ascii_digit() || is_cn_digit(c))
    })
}

/// 万 or 亿 read as `unit` before a measure word ("10万页", "0.15万人", "1.2万余人"): the count is
/// multiplied out, so every rule compares counts in ones. Gives the scale, the measure word and
/// where it ends; `None` for 万 alone, the shorthand of 万元 ("20万"), and for money ("20万元").
fn counted_after(f: &Folded, unit: &str, end: usize) -> Option<(Decimal, &'static str, usize)> {
    let scale = match unit {
        "万" => 10_000,
        "亿" => 100_000_000,
        _ => return None,
    };
    let at = end + usize::from(matches!(f.chars().get(end), Some('余' | '多')));
    let counted =
        unit_at(f, at).filter(|u| !matches!(*u, "万" | "亿" | "%" | "‰") && !is_money_unit(u))?;
    Some((Decimal::from(scale), counted, at + counted.chars().count()))
}

/// Ranges "1至5个", "1-5个", "1~5个", "3到5名", leaving out dates ("1月至12月"); "1至5万人" in
/// ones, as [`quantities`] reads counts.
pub fn ranges(f: &Folded) -> Vec<Range> {
    let mut out = Vec::new();
    // No joining word, no range: most values are answered by their char set, the rest by a pass.
    let joiners = const { CharSet::firsts_of(RANGE_JOINERS) };
    if !f.char_set().may_meet(joiners)
        || !f
            .chars()
            .iter()
            .any(|ch| RANGE_JOINERS.iter().any(|w| w.first() == *ch))
    {
        return out;
    }
    let mut i = 0;
    while let Some(start) = next_number_start(f, i) {
        let Some(a) = number_at(f, start) else {
            i = start + 1;
            continue;
        };
        i = a.end;
        let Some(j) = word_at(f, a.end, RANGE_JOINERS).map(Word::len) else {
            continue;
        };
        let Some(b) = number_at(f, a.end + j) else {
            continue;
        };
        let unit = unit_at(f, b.end).unwrap_or("");
        let date_like = matches!(unit, "月" | "年" | "日")
            || unit_at(f, a.end).is_some_and(|u| matches!(u, "月" | "年" | "日"));
        let year_like = b.value >= Decimal::from(1900) && a.value >= Decimal::from(1900);
        if date_like || year_like || unit.is_empty() || b.value <= a.value {
            continue;
        }
        let (mut low, mut high, mut unit, mut end) =
            (a.value, b.value, unit, b.end + unit.chars().count());
        if let Some((scale, counted, counted_end)) = counted_after(f, unit, end) {
            if let (Some(l), Some(h)) = (times(low, scale), times(high, scale)) {
                (low, high, unit, end) = (l.normalize(), h.normalize(), counted, counted_end);
            }
        }
        out.push(Range {
            low,
            high,
            unit,
            span: Span::new(a.start, end),
        });
        i = b.end;
    }
    out
}

/// One item of an enumerated list "1、… 2、…": its number and span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The enumerator's number.
    pub number: u32,
    /// The item's text, enumerator included.
    pub span: Span,
}

/// The items of an enumerated list, when the text has at least two numbered in sequence from 1.
pub fn items(f: &Folded) -> Vec<Item> {
    let c = f.chars();
    // An enumerator is a number before "、", "." or ")": without those, no list.
    if !f.char_set().may_meet(CharSet::of(&['、', '.', ')'])) {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let paren = c[i] == '(';
        let at = if paren { i + 1 } else { i };
        if let Some(n) = scan_arabic(f, at) {
            let expected = starts.len() as u32 + 1;
            if is_enumerator(f, &n) && n.value == Decimal::from(expected) {
                starts.push((expected, i));
            }
            i = n.end;
        } else {
            i += 1;
        }
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, (number, start))| Item {
            number: *number,
            span: Span::new(*start, starts.get(k + 1).map_or(c.len(), |s| s.1)),
        })
        .collect()
}

/// A document number written with the wrong brackets around its year ("攀人办[2019]53号").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// Where it stands.
    pub span: Span,
    /// The corrected form ("攀人办〔2019〕53号").
    pub corrected: String,
}

/// Document numbers whose year is not in 〔〕 (GB/T 9704).
pub fn bad_doc_numbers(f: &Folded) -> Vec<DocNumber> {
    let c = f.chars();
    let mut out = Vec::new();
    for i in 0..c.len() {
        let close = match c[i] {
            '[' => ']',
            '(' => ')',
            '【' => '】',
            '〈' => '〉',
            _ => continue,
        };
        let is_cjk = |ch: char| ('\u{4e00}'..='\u{9fff}').contains(&ch);
        if !(i > 0 && is_cjk(c[i - 1])) {
            continue;
        }
        let year_ok = c
            .get(i + 1..i + 5)
            .is_some_and(|d| d.iter().all(char::is_ascii_digit));
        if !year_ok || c.get(i + 5) != Some(&close) {
            continue;
        }
        let mut k = i + 6;
        while c.get(k).is_some_and(char::is_ascii_digit) {
            k += 1;
        }
        if k == i + 6 || c.get(k) != Some(&'号') {
            continue;
        }
        let mut s = i;
        while s > 0 && is_cjk(c[s - 1]) && i - s < 8 {
            s -= 1;
        }
        let mut prefix = string_of(&c[s..i]);
        for verb in [
            "根据", "依据", "按照", "依照", "参照", "参考", "执行", "据", "按", "依",
        ] {
            if prefix.chars().count() > verb.chars().count() + 1 && prefix.starts_with(verb) {
                prefix = prefix[verb.len()..].to_string();
                s += verb.chars().count();
                break;
            }
        }
        let year = string_of(&c[i + 1..i + 5]);
        let serial = string_of(&c[i + 6..k]);
        out.push(DocNumber {
            span: Span::new(s, k + 1),
            corrected: format!("{prefix}〔{year}〕{serial}号"),
        });
    }
    out
}
