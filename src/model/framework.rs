//! The indicator frameworks: which 一级/二级 names exist, their aliases, and the rows a new form starts with.
//!
//! Classic: 产出 (数量/质量/时效/成本), 效益, 满意度. Since 财预〔2021〕101号, 成本指标 is a 一级
//! of its own (经济/社会/生态环境成本) and 产出 keeps 数量/质量/时效.

use std::borrow::Cow;

/// Which indicator framework a project form follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Framework {
    /// 产出 / 效益 / 满意度, with 成本指标 a 二级 under 产出.
    #[default]
    Classic,
    /// 财预〔2021〕101号: 成本指标 is a 一级.
    Cost2021,
}

impl Framework {
    /// Both frameworks.
    pub const ALL: [Framework; 2] = [Framework::Classic, Framework::Cost2021];

    /// The key it has in files and pickers ("classic", "cost-2021").
    pub fn key(self) -> &'static str {
        match self {
            Framework::Classic => "classic",
            Framework::Cost2021 => "cost-2021",
        }
    }

    /// The framework with a key, if any.
    pub fn from_key(key: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.key() == key)
    }

    /// A short Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Framework::Classic => "传统框架（产出/效益/满意度）",
            Framework::Cost2021 => "财预〔2021〕101号框架（成本指标为一级）",
        }
    }

    /// The 一级 → 二级 names of a project form in this framework, in form order.
    pub fn project_categories(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Framework::Classic => &[
                (OUTPUT, &["数量指标", "质量指标", "时效指标", "成本指标"]),
                (BENEFIT, &BENEFIT_L2),
                (SATISFACTION, &["服务对象满意度指标"]),
            ],
            Framework::Cost2021 => &[
                (OUTPUT, &["数量指标", "质量指标", "时效指标"]),
                (COST, &["经济成本指标", "社会成本指标", "生态环境成本指标"]),
                (BENEFIT, &BENEFIT_L2),
                (SATISFACTION, &["服务对象满意度指标"]),
            ],
        }
    }
}

/// 产出指标.
pub const OUTPUT: &str = "产出指标";
/// 效益指标.
pub const BENEFIT: &str = "效益指标";
/// 满意度指标.
pub const SATISFACTION: &str = "满意度指标";
/// 成本指标 (a 一级 in the 2021 framework, a 二级 under 产出 in the classic one).
pub const COST: &str = "成本指标";
const BENEFIT_L2: [&str; 4] = [
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
];

/// The 一级 → 二级 names of the unit-overall form, as the common template prints them.
pub const OVERALL_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "基本经费",
        &["数量指标", "质量指标", "时效指标", "成本指标", "其他指标"],
    ),
    (
        "项目经费",
        &["数量指标", "质量指标", "时效指标", "成本指标", "其他指标"],
    ),
    (
        "效果指标",
        &["社会效益指标", "生态效益指标", "可持续影响指标", "其他指标"],
    ),
    ("满意度指标", &["满意度指标"]),
    ("其他绩效指标", &["其他绩效指标"]),
];

/// Maps a 一级 name as written to its standard name (项目完成 → 产出指标, 效果指标 → 效益指标 …).
/// Whitespace, notes and numbering are ignored ([`category_core`]); unknown names come back
/// otherwise unchanged.
pub fn standard_level1(name: &str) -> Cow<'_, str> {
    let n = category_core(name);
    Cow::Borrowed(match n.as_ref() {
        "项目完成" | "产出" | "产出指标" => OUTPUT,
        "项目效益" | "效益" | "效果" | "效果指标" | "效益指标" => BENEFIT,
        "满意度" | "满意度指标" => SATISFACTION,
        "成本" | "成本指标" => COST,
        // The overall form's money groups, named as budgets name them (基本支出 and 项目支出).
        "基本支出" | "基本经费" => "基本经费",
        "项目支出" | "项目经费" => "项目经费",
        _ => return n,
    })
}

/// Maps a 二级 name as written to its standard name (环境效益指标 → 生态效益指标, 数量 → 数量指标,
/// 产出数量 → 数量指标 …),
/// ignoring whitespace, notes and numbering as [`standard_level1`] does. Whose satisfaction a
/// 满意度 二级 names varies by template ("服务对象满意度指标", "社会公众或服务对象满意度指标",
/// "群众满意度"): each is the one 二级 of 满意度指标.
pub fn standard_level2(name: &str) -> Cow<'_, str> {
    let n = category_core(name);
    let with_suffix = if n.is_empty() || n.ends_with("指标") {
        n
    } else {
        Cow::Owned(format!("{n}指标"))
    };
    Cow::Borrowed(match with_suffix.as_ref() {
        // As the performance-evaluation framework names them (财预〔2020〕10号 附件2), which
        // some templates of targets borrow.
        "产出数量指标" => "数量指标",
        "产出质量指标" => "质量指标",
        "产出时效指标" => "时效指标",
        "产出成本指标" => "成本指标",
        "环境效益指标" => "生态效益指标",
        l2 if l2.ends_with("满意度指标") => "服务对象满意度指标",
        "生态成本指标" | "环境成本指标" => "生态环境成本指标",
        _ => return with_suffix,
    })
}

/// A category name without what templates print around it: whitespace, notes in brackets
/// ("产出(工作量)指标（数量、质量、成本方面的指标）", "产出指标（50分）") and a leading number
/// ("一、产出指标", "1.效益指标"). A name that is all note or number stays as it is.
pub fn category_core(name: &str) -> Cow<'_, str> {
    let n = compact(name);
    // The number before 、 or . that starts a name ("二、", "1.").
    let digits = n
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .count();
    let mut chars = n.chars().skip(digits);
    let numbered = digits > 0 && matches!(chars.next(), Some('、' | '.' | '．'));
    let mut depth = 0u32;
    let mut core = String::new();
    for c in n.chars().skip(if numbered { digits + 1 } else { 0 }) {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => core.push(c),
            _ => {}
        }
    }
    // Borrowed when nothing was stripped: every row of a form clones its standard names.
    if core.is_empty() || core == n {
        n
    } else {
        Cow::Owned(core)
    }
}

/// Removes every kind of whitespace (borrowing when there is none).
pub fn compact(s: &str) -> Cow<'_, str> {
    if s.chars().any(super::money::is_blank_char) {
        Cow::Owned(
            s.chars()
                .filter(|c| !super::money::is_blank_char(*c))
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_to_standard_names() {
        assert_eq!(standard_level1("项目完成"), OUTPUT);
        assert_eq!(standard_level1(" 项目效益 "), BENEFIT);
        assert_eq!(standard_level1("效果指标"), BENEFIT);
        assert_eq!(standard_level1("满意度指标 "), SATISFACTION);
        assert_eq!(standard_level1("基本经费"), "基本经费");
        assert_eq!(standard_level1("基本支出"), "基本经费");
        assert_eq!(standard_level1("项目支出"), "项目经费");
        assert_eq!(standard_level2("环境效益指标"), "生态效益指标");
        assert_eq!(standard_level2("数量"), "数量指标");
        assert_eq!(standard_level2("产出数量"), "数量指标");
        assert_eq!(standard_level2("产出成本指标"), "成本指标");
        assert_eq!(standard_level2("服务对象满意度指标 "), "服务对象满意度指标");
        assert_eq!(
            standard_level2("社会公众或服务对象满意度指标"),
            "服务对象满意度指标"
        );
        assert_eq!(standard_level2("群众满意度"), "服务对象满意度指标");
        assert_eq!(standard_level2("满意度调查"), "满意度调查指标");
    }

    #[test]
    fn notes_and_numbers_around_category_names_are_ignored() {
        for (written, standard) in [
            ("产出(工作量)指标（数量、质量、成本方面的指标）", OUTPUT),
            (
                "效益指标（经济效益、社会效益、环境效益、可持续影响等方面指标）",
                BENEFIT,
            ),
            ("产出指标（50分）", OUTPUT),
            ("一、产出指标", OUTPUT),
            ("（三）满意度指标", SATISFACTION),
            ("2.效果指标", BENEFIT),
            ("【项目完成】", "【项目完成】"),
            ("基本经费", "基本经费"),
        ] {
            assert_eq!(standard_level1(written), standard, "{written}");
        }
        assert_eq!(standard_level2("数量指标（工作量）"), "数量指标");
        assert_eq!(standard_level2("1、质量"), "质量指标");
        // A number that is the name, not its place in a list, stays.
        assert_eq!(category_core("5G覆盖"), "5G覆盖");
        assert_eq!(category_core("12"), "12");
    }

    #[test]
    fn compact_removes_every_blank_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("指标{c}名称");
            let blank = crate::model::money::is_blank_char(c);
            assert_eq!(compact(&text) == "指标名称", blank, "U+{:04X}", c as u32);
            assert_eq!(
                matches!(compact(&text), Cow::Borrowed(_)),
                !blank,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn keys_name_each_framework_once() {
        for f in Framework::ALL {
            assert_eq!(Framework::from_key(f.key()), Some(f));
        }
        assert_eq!(Framework::from_key(""), None);
    }

    #[test]
    fn the_2021_framework_makes_cost_a_level1() {
        let l1: Vec<_> = Framework::Cost2021
            .project_categories()
            .iter()
            .map(|c| c.0)
            .collect();
        assert!(l1.contains(&COST));
        let classic_output = Framework::Classic.project_categories()[0].1;
        assert!(classic_output.contains(&"成本指标"));
    }
}
