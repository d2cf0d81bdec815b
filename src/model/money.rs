//! Money in 万元: an exact decimal newtype, the one parser for what people type, and checked arithmetic.

use rust_decimal::Decimal;
use std::fmt;

/// An amount of money in 万元, exact, never negative, keeping the scale it was written with
/// ("105.00" stays "105.00"). Stored in JSON as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Money(Decimal);

/// Why a typed amount is not a valid amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but whitespace.
    Empty,
    /// A minus sign: amounts on these forms are never negative.
    Negative,
    /// Scientific notation such as "1e3".
    Exponent,
    /// Thousands separators in the wrong places ("1,23.4").
    BadGrouping,
    /// Too many digits for an exact amount.
    TooLarge,
    /// Anything else; the character that does not belong is given.
    NotANumber { unexpected: char },
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Empty => write!(f, "未填写金额"),
            MoneyError::Negative => write!(f, "金额不能为负数"),
            MoneyError::Exponent => write!(f, "不支持科学计数法，请直接写出数字，如 1000.00"),
            MoneyError::BadGrouping => {
                write!(f, "千位分隔符位置不对，应每三位一个逗号，如 1,234.50")
            }
            MoneyError::TooLarge => write!(f, "数字位数过多"),
            MoneyError::NotANumber { unexpected } => {
                write!(
                    f,
                    "不是数字：含有“{unexpected}”，金额只能填写数字（单位为万元）"
                )
            }
        }
    }
}

impl std::error::Error for MoneyError {}

/// Maps full-width digits and punctuation that Chinese input methods produce to ASCII.
pub fn fold_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' | '。' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        _ => c,
    }
}

/// True for every whitespace a Word table cell can hold, U+3000 and NBSP included.
pub fn is_blank_char(c: char) -> bool {
    // Most text is CJK, and above U+3000 only U+FEFF is blank: answer those without the table.
    if c > '\u{3000}' {
        return c == '\u{feff}';
    }
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

/// Trims all whitespace, U+3000 and NBSP included.
pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_blank_char)
}

/// Rounds an amount of 万元 to 0.01 (half away from zero): the unit forms are compared in.
pub fn round_cents(d: Decimal) -> Decimal {
    to_places(d, 2, false)
}

/// An amount with at least two decimals ("105.00", "0.375"), as the forms print amounts.
pub fn at_least_2dp(d: Decimal) -> String {
    text_of(if d.scale() < 2 {
        to_places(d, 2, false)
    } else {
        d
    })
}

/// A decimal as rust_decimal's `Display` writes it ("-0.050", "105.00"), digit by digit from the
/// whole number of its last place: that `Display` was ~0.7 KB of the page for this.
pub fn text_of(d: Decimal) -> String {
    let scale = d.scale() as usize;
    let mut m = d.mantissa().unsigned_abs();
    // Digits from the last: at most 29 of a mantissa, a point and the zeros before it, a sign.
    let mut out = Vec::with_capacity(scale.max(29) + 3);
    let mut digits = 0;
    loop {
        if digits == scale && scale > 0 {
            out.push(b'.');
        }
        out.push(b'0' + (m % 10) as u8);
        m /= 10;
        digits += 1;
        if m == 0 && digits > scale {
            break;
        }
    }
    if d.is_sign_negative() {
        out.push(b'-');
    }
    // ASCII only: char by char, without a UTF-8 check.
    out.iter().rev().map(|b| char::from(*b)).collect()
}

/// `d` with `places` decimals: padded with zeros when it has fewer (exact), else rounded, half
/// away from zero or (`half_even`) half to even as `Decimal::round_dp` does; `d` unchanged when
/// the padded number would not fit a decimal.
pub fn to_places(d: Decimal, places: u32, half_even: bool) -> Decimal {
    // Most amounts already have two decimals.
    if d.scale() == places {
        return d;
    }
    quotient(d, Decimal::ONE, places, half_even).unwrap_or(d)
}

/// `a ÷ b` with `places` decimals, rounded as [`to_places`] says; `None` when `b` is zero or the
/// quotient is past what a decimal holds. In whole numbers of the last place, with one unsigned
/// division: rust_decimal's division, rounding and rescaling were ~5 KB of the page, for the
/// cents amounts are compared in and the two quotients the rules show (a percentage, a cost per
/// unit).
pub fn quotient(a: Decimal, b: Decimal, places: u32, half_even: bool) -> Option<Decimal> {
    // a ÷ b = (ma · 10^-sa) ÷ (mb · 10^-sb); in units of 10^-places that is
    // ma · 10^(places + sb) ÷ (mb · 10^sa).
    let ten = |n: u32| 10u128.checked_pow(n);
    let n = a
        .mantissa()
        .unsigned_abs()
        .checked_mul(ten(places + b.scale())?)?;
    let d = b.mantissa().unsigned_abs().checked_mul(ten(a.scale())?)?;
    if d == 0 {
        return None;
    }
    let q = n / d;
    let twice = (n - q * d) * 2;
    let up = twice > d || (twice == d && (!half_even || !q.is_multiple_of(2)));
    let q = i128::try_from(q + u128::from(up)).ok()?;
    let negative = a.is_sign_negative() != b.is_sign_negative();
    Decimal::try_from_i128_with_scale(if negative { -q } else { q }, places).ok()
}

/// The exact value of plain ASCII digits with an optional point ("1234", "0.50", "12."), scale
/// as written; `None` for anything else or beyond what a decimal holds (never rounded).
pub fn plain_decimal(text: &str) -> Option<Decimal> {
    let mut digits = Digits::new();
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => digits.push(b - b'0'),
            b'.' if !digits.has_point() => digits.point(),
            _ => return None,
        }
    }
    digits.value()
}

/// An exact decimal built digit by digit, for readers that meet the digits one at a time (the
/// text reader): the mantissa as an integer and the count of digits after the point.
#[derive(Debug, Clone, Copy)]
pub struct Digits {
    /// `None` once the digits no longer fit.
    whole: Option<i128>,
    scale: u32,
    point: bool,
}

impl Digits {
    /// No digits yet (the value of none is 0).
    pub fn new() -> Digits {
        Digits {
            whole: Some(0),
            scale: 0,
            point: false,
        }
    }

    /// Adds a digit (0–9).
    pub fn push(&mut self, digit: u8) {
        self.whole = self
            .whole
            .and_then(|w| w.checked_mul(10)?.checked_add(i128::from(digit)));
        if self.point {
            self.scale = self.scale.saturating_add(1);
        }
    }

    /// The decimal point: the digits after it are the fraction.
    pub fn point(&mut self) {
        self.point = true;
    }

    /// Whether the point has come.
    pub fn has_point(&self) -> bool {
        self.point
    }

    /// The exact value; `None` beyond what a decimal holds (never rounded).
    pub fn value(&self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.whole?, self.scale).ok()
    }
}

impl Default for Digits {
    fn default() -> Digits {
        Digits::new()
    }
}

impl Money {
    /// Zero, with scale 0.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses what a person types into an amount cell: ASCII or full-width digits, an optional
    /// decimal point ("." "．" "。"), thousands separators in groups of three ("1,234.5").
    ///
    /// # Errors
    /// [`MoneyError`] says what is wrong: empty, negative, exponent, bad grouping, too large, or
    /// the first character that does not belong in a number.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let folded: String = trim_blank(input).chars().map(fold_width).collect();
        if folded.is_empty() {
            return Err(MoneyError::Empty);
        }
        if folded.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (int_part, frac_part) = match folded.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (folded.as_str(), None),
        };
        for c in int_part.chars() {
            if !(c.is_ascii_digit() || c == ',') {
                return Err(Self::unexpected(c, &folded));
            }
        }
        if let Some(frac) = frac_part {
            for c in frac.chars() {
                if !c.is_ascii_digit() {
                    return Err(Self::unexpected(c, &folded));
                }
            }
        }
        if int_part.is_empty() && frac_part.is_none_or(str::is_empty) {
            return Err(MoneyError::NotANumber { unexpected: '.' });
        }
        if int_part.contains(',') {
            let mut groups = int_part.split(',');
            let first = groups.next().unwrap_or("");
            if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
                return Err(MoneyError::BadGrouping);
            }
        }
        let int_digits: String = int_part.chars().filter(|c| *c != ',').collect();
        let frac = frac_part.unwrap_or("");
        plain_decimal(&format!("{int_digits}.{frac}"))
            .map(Money)
            .ok_or(MoneyError::TooLarge)
    }

    fn unexpected(c: char, whole: &str) -> MoneyError {
        if (c == 'e' || c == 'E') && whole.chars().any(|d| d.is_ascii_digit()) {
            MoneyError::Exponent
        } else {
            MoneyError::NotANumber { unexpected: c }
        }
    }

    /// Wraps an exact decimal; `None` when it is negative.
    pub fn from_decimal(value: Decimal) -> Option<Money> {
        (!value.is_sign_negative() || value.is_zero()).then_some(Money(value))
    }

    /// The exact value.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// The number of digits after the decimal point as written.
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// Sums many amounts; `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        sum_exact(items.into_iter().map(Money::decimal)).map(Money)
    }

    /// The amount in units of 0.01 万元 (rounded half away from zero), the unit forms compare in.
    pub fn cents(self) -> Decimal {
        round_cents(self.0)
    }

    /// Shown with two decimals ("105.00"), as the forms print amounts; more decimals are kept.
    pub fn display_2dp(self) -> String {
        at_least_2dp(self.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text_of(self.0))
    }
}

/// Adds exactly; `None` when the exact sum is past what a decimal holds (absurd amounts are
/// checked without a panic, and never rounded).
pub fn sum_exact<I: IntoIterator<Item = Decimal>>(items: I) -> Option<Decimal> {
    sum_of(&mut items.into_iter())
}

/// [`sum_exact`], compiled once for every kind of list, in whole numbers of the finest decimal
/// place among the items: rust_decimal's addition is 2 KB of code, and the page's size has a budget.
fn sum_of(items: &mut dyn Iterator<Item = Decimal>) -> Option<Decimal> {
    let (mut sum, mut scale) = (0i128, 0u32);
    for item in items {
        let mut add = item.mantissa();
        let shift = |by: u32| 10i128.checked_pow(by);
        if item.scale() > scale {
            sum = sum.checked_mul(shift(item.scale() - scale)?)?;
            scale = item.scale();
        } else {
            add = add.checked_mul(shift(scale - item.scale())?)?;
        }
        sum = sum.checked_add(add)?;
    }
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_writes_what_decimal_display_writes() {
        let mut values: Vec<Decimal> = [
            "0", "0.0", "0.05", "-0.05", "105.00", "1064", "0.375", "-12.5", "1e-28", "0.1e-27",
        ]
        .iter()
        .map(|s| {
            Decimal::from_scientific(s)
                .or_else(|_| s.parse())
                .expect("decimal")
        })
        .collect();
        values.extend([
            Decimal::MAX,
            Decimal::MIN,
            -Decimal::ZERO,
            Decimal::new(-0, 3),
        ]);
        let mut z = Decimal::new(0, 2);
        z.set_sign_negative(true);
        values.push(z);
        // Every scale with a few mantissas, both signs.
        for scale in 0..=28 {
            for m in [1i64, 7, 10, 99, 100, 123_456_789, i64::MAX] {
                values.push(Decimal::new(m, scale));
                values.push(Decimal::new(-m, scale));
            }
        }
        for d in values {
            assert_eq!(text_of(d), d.to_string(), "{d:?}");
            assert_eq!(Money(d).to_string(), d.to_string());
        }
    }

    #[test]
    fn division_rounds_as_decimal_does() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        // The two quotients the rules show: a cost per unit, a percentage.
        assert_eq!(
            quotient(d("860.00"), d("45"), 8, true),
            Some(d("19.11111111"))
        );
        assert_eq!(
            quotient(d("100"), d("2600000"), 8, true),
            Some(d("0.00003846"))
        );
        assert_eq!(quotient(d("4000"), d("5000"), 1, true), Some(d("0.8")));
        // Half to even at the last place, on both signs.
        assert_eq!(quotient(d("1"), d("8"), 2, true), Some(d("0.12")));
        assert_eq!(quotient(d("3"), d("8"), 2, true), Some(d("0.38")));
        assert_eq!(quotient(d("-3"), d("8"), 2, true), Some(d("-0.38")));
        assert_eq!(quotient(d("3"), d("-8"), 2, true), Some(d("-0.38")));
        assert_eq!(quotient(d("1"), d("0"), 2, true), None);
        assert_eq!(quotient(Decimal::MAX, d("0.0000001"), 8, true), None);
        // The same as rust_decimal's division rounded, over a spread of operands.
        let values = [
            "0.01",
            "1",
            "3",
            "7.5",
            "45",
            "860.00",
            "2444",
            "123456.789",
            "-12.34",
            "0.0003",
        ];
        for a in values {
            for b in values {
                for places in [0, 1, 2, 8] {
                    let want = d(a).checked_div(d(b)).map(|q| q.round_dp(places));
                    assert_eq!(
                        quotient(d(a), d(b), places, true),
                        want,
                        "{a} ÷ {b} to {places} places"
                    );
                }
            }
        }
    }

    #[test]
    fn places_pad_or_round_as_decimal_does() {
        use rust_decimal::RoundingStrategy::{MidpointAwayFromZero, MidpointNearestEven};
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(to_places(d("105"), 2, false).to_string(), "105.00");
        assert_eq!(to_places(d("921.835"), 2, false), d("921.84"));
        assert_eq!(to_places(d("-0.005"), 2, false), d("-0.01"));
        assert_eq!(to_places(d("0.125"), 2, true), d("0.12"));
        assert_eq!(round_cents(d("104.515")), d("104.52"));
        assert_eq!(at_least_2dp(d("11.4")), "11.40");
        assert_eq!(at_least_2dp(d("0.375")), "0.375");
        // Too large to pad: left as it is.
        assert_eq!(to_places(Decimal::MAX, 2, false), Decimal::MAX);
        let values = [
            "0",
            "0.005",
            "1.125",
            "-7.5",
            "-2.675",
            "860.00",
            "123456.7895",
            "0.0000003",
        ];
        for v in values {
            for places in [0, 1, 2, 4] {
                let (v, rounded) = (d(v), |s| d(v).round_dp_with_strategy(places, s));
                assert_eq!(
                    to_places(v, places, false),
                    rounded(MidpointAwayFromZero),
                    "{v} to {places}"
                );
                assert_eq!(
                    to_places(v, places, true),
                    rounded(MidpointNearestEven),
                    "{v} to {places}"
                );
            }
        }
    }

    #[test]
    fn sums_are_exact_at_the_finest_place() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(
            sum_exact([d("712.32"), d("104.52"), d("105.00")]),
            Some(d("921.84"))
        );
        assert_eq!(sum_exact([d("1"), d("0.005"), d("-0.5")]), Some(d("0.505")));
        assert_eq!(sum_exact([]), Some(Decimal::ZERO));
        // Past what a decimal holds: no sum, never a rounded one.
        assert_eq!(sum_exact([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(sum_exact([Decimal::MAX, d("0.1")]), None);
        // The same as rust_decimal's addition wherever that is exact.
        let values = [
            "0",
            "0.01",
            "1",
            "-7.5",
            "860.00",
            "123456.789",
            "0.0000003",
            "79228162514264",
        ];
        for a in values {
            for b in values {
                assert_eq!(sum_exact([d(a), d(b)]), d(a).checked_add(d(b)), "{a} + {b}");
            }
        }
    }

    fn ok(s: &str) -> String {
        Money::parse(s).unwrap().to_string()
    }

    #[test]
    fn plain_amounts_keep_their_scale() {
        assert_eq!(ok("105.00"), "105.00");
        assert_eq!(ok("921.83"), "921.83");
        assert_eq!(ok("20"), "20");
        assert_eq!(ok(".5"), "0.5");
        assert_eq!(ok("0"), "0");
    }

    #[test]
    fn what_people_type_is_accepted() {
        assert_eq!(ok("1,234.5"), "1234.5");
        assert_eq!(ok("１２.３"), "12.3");
        assert_eq!(ok("１２．３"), "12.3");
        assert_eq!(ok("12。3"), "12.3");
        assert_eq!(ok("１，２３４"), "1234");
        assert_eq!(ok("\u{3000}20.00 "), "20.00");
        assert_eq!(ok("1,234,567.00"), "1234567.00");
    }

    #[test]
    fn more_than_two_decimals_parse_exactly() {
        // Accepted as typed; the checker warns about the third decimal (rule M1).
        let m = Money::parse("12.345").unwrap();
        assert_eq!(m.to_string(), "12.345");
        assert_eq!(m.scale(), 3);
        assert_eq!(m.cents().to_string(), "12.35");
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(
            Money::parse("abc"),
            Err(MoneyError::NotANumber { unexpected: 'a' })
        );
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("－5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("\u{3000}"), Err(MoneyError::Empty));
        assert_eq!(Money::parse("1e3"), Err(MoneyError::Exponent));
        assert_eq!(Money::parse("1,23.4"), Err(MoneyError::BadGrouping));
        assert_eq!(Money::parse(",123"), Err(MoneyError::BadGrouping));
        assert_eq!(
            Money::parse("1.2.3"),
            Err(MoneyError::NotANumber { unexpected: '.' })
        );
        assert_eq!(
            Money::parse("250万"),
            Err(MoneyError::NotANumber { unexpected: '万' })
        );
        assert_eq!(
            Money::parse("."),
            Err(MoneyError::NotANumber { unexpected: '.' })
        );
        assert_eq!(
            Money::parse("99999999999999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        // The largest exact values are kept exactly; one digit more is refused, never rounded.
        let max = "79228162514264337593543950335";
        assert_eq!(Money::parse(max).unwrap().to_string(), max);
        assert_eq!(
            Money::parse("79228162514264337593543950336"),
            Err(MoneyError::TooLarge)
        );
        let fine = format!("0.{}1", "0".repeat(27));
        assert_eq!(Money::parse(&fine).unwrap().to_string(), fine);
        assert_eq!(
            Money::parse(&format!("0.{}1", "0".repeat(28))),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::parse(".5").unwrap().to_string(), "0.5");
        assert_eq!(plain_decimal("12.").unwrap().to_string(), "12");
        assert_eq!(plain_decimal("0.50").unwrap().to_string(), "0.50");
        assert_eq!(plain_decimal("1,2"), None);
        assert_eq!(plain_decimal("1.2.3"), None);
        assert_eq!(Money::parse("1,234.50").unwrap().to_string(), "1234.50");
    }

    #[test]
    fn messages_are_chinese() {
        assert!(MoneyError::Negative.to_string().contains("负数"));
        assert!(MoneyError::NotANumber { unexpected: '万' }
            .to_string()
            .contains("万"));
    }

    #[test]
    fn arithmetic_is_exact() {
        let parts = ["712.32", "104.52", "105.00"].map(|s| Money::parse(s).unwrap());
        let sum = Money::checked_sum(parts).unwrap();
        assert_eq!(sum.to_string(), "921.84");
        assert_ne!(sum, Money::parse("921.83").unwrap());
        let tenths = ["0.1", "0.2"].map(|s| Money::parse(s).unwrap());
        assert_eq!(Money::checked_sum(tenths).unwrap().to_string(), "0.3");
        assert_eq!(Money::parse("105").unwrap().display_2dp(), "105.00");
    }
}
