//! A number cell as a form holds it: blank, a parsed exact value, or text that is not a number yet.
//!
//! Staff type into cells and paste from Word; a cell that does not parse ("250万") is kept as it
//! was written so nothing is lost and the checker can say what is wrong with it.

use super::money::{trim_blank, Money, MoneyError};
use rust_decimal::Decimal;
use std::fmt;

/// A value a [`Cell`] can hold: parsed from typed text, written back as canonical text.
pub trait CellValue: Sized + Clone + PartialEq + fmt::Display {
    /// Why a text is not such a value.
    type Error: fmt::Display;
    /// Parses typed text (already known not to be blank).
    ///
    /// # Errors
    /// When the text is not a value of this kind.
    fn parse_input(text: &str) -> Result<Self, Self::Error>;
}

impl CellValue for Money {
    type Error = MoneyError;
    fn parse_input(text: &str) -> Result<Self, MoneyError> {
        Money::parse(text)
    }
}

/// A plain exact number (weights, scores, indicator numbers); may be negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Number(pub Decimal);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::money::text_of(self.0))
    }
}

impl CellValue for Number {
    type Error = MoneyError;
    fn parse_input(text: &str) -> Result<Self, MoneyError> {
        let t = trim_blank(text);
        let folded: String = t.chars().map(super::money::fold_width).collect();
        match folded.strip_prefix('-') {
            Some(rest) => Money::parse(rest).map(|m| Number(-m.decimal())),
            None => Money::parse(&folded).map(|m| Number(m.decimal())),
        }
    }
}

/// A cell: blank, a value, or text as typed that is not a value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell<T> {
    /// Empty or whitespace only (a lone U+3000 is blank).
    #[default]
    Blank,
    /// A parsed value.
    Value(T),
    /// Text that does not parse, kept exactly as typed.
    Text(String),
}

/// An amount of money in 万元.
pub type Amount = Cell<Money>;
/// A plain number cell.
pub type NumberCell = Cell<Number>;

impl<T: CellValue> Cell<T> {
    /// Reads typed text: blank, a value, or the text kept as written.
    pub fn from_input(text: &str) -> Self {
        if trim_blank(text).is_empty() {
            return Cell::Blank;
        }
        match T::parse_input(text) {
            Ok(v) => Cell::Value(v),
            Err(_) => Cell::Text(text.to_string()),
        }
    }

    /// What the cell stores, as text: "" for blank, the canonical value, or the kept text.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Value(v) => v.to_string(),
            Cell::Text(t) => t.clone(),
        }
    }

    /// The value, if the cell holds one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True when blank.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// Why the kept text is not a value, for a cell holding text.
    pub fn problem(&self) -> Option<String> {
        match self {
            Cell::Text(t) => T::parse_input(t).err().map(|e| e.to_string()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_blank_value_or_text() {
        assert_eq!(Amount::from_input("\u{3000}"), Cell::Blank);
        assert_eq!(Amount::from_input("20.00").to_text(), "20.00");
        assert_eq!(Amount::from_input("1,234.5").to_text(), "1234.5");
        assert_eq!(Amount::from_input("250万"), Cell::Text("250万".into()));
        assert!(Amount::from_input("250万")
            .problem()
            .unwrap()
            .contains("万"));
        assert_eq!(Amount::from_input("20").problem(), None);
    }

    #[test]
    fn number_cells_allow_negatives() {
        assert_eq!(NumberCell::from_input("-3.5").to_text(), "-3.5");
        assert_eq!(NumberCell::from_input("９５").to_text(), "95");
    }

    #[test]
    fn text_keeps_the_scale_and_what_does_not_parse() {
        assert_eq!(Amount::from_input("105.00").to_text(), "105.00");
        assert_eq!(Amount::from_input("约20万").to_text(), "约20万");
    }
}
