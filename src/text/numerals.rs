//! Chinese numerals: "十三" → 13, "二〇二二" → 2022, "两" → 2, "一百零五" → 105.

/// Parses a Chinese numeral; `None` for anything else.
pub fn parse_chinese_numeral(text: &str) -> Option<u64> {
    numeral_value(&text.chars().collect::<Vec<char>>())
}

/// [`parse_chinese_numeral`] of chars already decoded (a number inside a read text).
pub(crate) fn numeral_value(chars: &[char]) -> Option<u64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if chars.is_empty() {
        return None;
    }
    // Positional style: every char a digit, "二〇二二".
    if chars.len() > 1 && chars.iter().all(|c| digit(*c).is_some()) {
        return chars
            .iter()
            .try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(digit(*c)?));
    }
    let mut yi_total: u64 = 0; // everything up to the last 亿
    let mut wan_total: u64 = 0; // the 万 section after it
    let mut section: u64 = 0; // below 万
    let mut current: Option<u64> = None;
    for &c in chars {
        if let Some(d) = digit(c) {
            current = Some(d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section = section.checked_add(current.take().unwrap_or(1).checked_mul(unit)?)?;
            }
            '万' => {
                let part = section.checked_add(current.take().unwrap_or(0))?;
                wan_total = (if part == 0 { 1 } else { part }).checked_mul(10_000)?;
                section = 0;
            }
            '亿' => {
                let part = wan_total
                    .checked_add(section)?
                    .checked_add(current.take().unwrap_or(0))?;
                yi_total = yi_total
                    .checked_add(if part == 0 { 1 } else { part })?
                    .checked_mul(100_000_000)?;
                wan_total = 0;
                section = 0;
            }
            _ => return None,
        }
    }
    yi_total
        .checked_add(wan_total)?
        .checked_add(section)?
        .checked_add(current.unwrap_or(0))
}
