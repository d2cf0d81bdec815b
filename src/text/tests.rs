//! The reader's table of tests: each line is text as staff write it and what must be read from it.

use super::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// (value, unit, role) of every quantity.
fn q(text: &str) -> Vec<(String, &'static str, Role)> {
    quantities(&Folded::new(text))
        .into_iter()
        .map(|q| (q.value.to_string(), q.unit, q.role))
        .collect()
}

#[test]
fn chinese_numerals() {
    let table = [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十三", 13),
        ("二十", 20),
        ("二十一", 21),
        ("一百零五", 105),
        ("三千", 3000),
        ("一万", 10_000),
        ("二十万", 200_000),
        ("二〇二二", 2022),
        ("一九九九", 1999),
        ("一亿二千万", 120_000_000),
        ("六", 6),
    ];
    for (text, value) in table {
        assert_eq!(parse_chinese_numeral(text), Some(value), "{text}");
    }
    assert_eq!(parse_chinese_numeral("万一x"), None);
    assert_eq!(parse_chinese_numeral(""), None);
}

#[test]
fn quantities_with_measure_words() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("188名", &[("188", "名")]),
        ("19个活动室", &[("19", "个")]),
        ("满意度≧95%以上", &[("95", "%")]),
        ("满意度≥95％", &[("95", "%")]),
        ("六个项目", &[("6", "个")]),
        ("2022年申报6个项目，", &[("6", "个")]),
        ("采购办公设备一套。", &[("1", "套")]),
        (
            "在职人员32名，离休人员1名，退休人员33名",
            &[("32", "名"), ("1", "名"), ("33", "名")],
        ),
        ("全年预计3万元", &[("3", "万元")]),
        ("合计11.4万元", &[("11.4", "万元")]),
        ("经费1,234.5万元", &[("1234.5", "万元")]),
        ("１２个", &[("12", "个")]),
        ("一类会议经费", &[]),
        ("进一步提高", &[]),
        ("第一次会议", &[]),
        ("区十三届人大二次会议", &[]),
        // Percentages in words.
        ("不低于百分之九十五", &[("95", "%")]),
        ("达到百分之百", &[("100", "%")]),
        ("百分之80以上", &[("80", "%")]),
        ("百分之", &[]),
        // 一次 as a manner: one-off, first-pass, at most one trip; a count of one times stays.
        ("一次性改造42个", &[("42", "个")]),
        ("一次验收合格率100%", &[("100", "%")]),
        ("政务服务事项一次办结率", &[]),
        ("最多跑一次", &[]),
        ("开展一次检查，合格率100%", &[("1", "次"), ("100", "%")]),
        ("每年召开2次会议", &[("2", "次")]),
        ("根据攀仁委办[2014]126号文件", &[]),
        ("2022年1月至12月", &[("1", "月"), ("12", "月")]),
        ("覆盖率100%", &[("100", "%")]),
        ("村组干部230人", &[("230", "人")]),
        // 万 before another unit multiplies it out: a count or an area in ones, not money (so
        // "0.15万人" and "1500人" are one count for every rule).
        ("改造面积≥18万平方米", &[("180000", "平方米")]),
        ("种植苗木2.5万株", &[("25000", "株")]),
        ("服务群众1.2万人次", &[("12000", "人次")]),
        ("幼儿0.15万人", &[("1500", "人")]),
        ("结余105万", &[("105", "万")]),
        ("档案数字化≥10万页", &[("100000", "页")]),
        ("接种2万剂次", &[("20000", "剂次")]),
        ("接收进馆档案≥1.5万卷", &[("15000", "卷")]),
        ("开展技术培训200场次", &[("200", "场次")]),
        ("抽检食品1200批次", &[("1200", "批次")]),
        ("发放宣传资料3万袋", &[("30000", "袋")]),
        ("开展培训1.2万人日", &[("12000", "人日")]),
        ("覆盖全县120村", &[("120", "村")]),
        ("受益群众1.2万余人", &[("12000", "人")]),
        ("结余1万余元", &[("1", "万")]),
        // More than a number: the number stated, with its unit after 余 or 多.
        ("资助幼儿1500余人", &[("1500", "人")]),
        ("新增二十多个", &[("20", "个")]),
        ("投入100多万元", &[("100", "万元")]),
        ("剩余300份，余额1000元", &[("300", "份"), ("1000", "元")]),
        // Spaces between the number and its unit, as text pasted from Word has; a unit in brackets.
        ("≥95 %", &[("95", "%")]),
        ("≥1200 名", &[("1200", "名")]),
        ("≤240\u{3000}万元", &[("240", "万元")]),
        ("≥1200（名）", &[("1200", "名")]),
        ("2022 年度", &[]),
        ("3 （含）以上", &[("3", "")]),
        ("较上年提高5个百分点", &[("5", "个百分点")]),
    ];
    for (text, want) in table {
        let got: Vec<(String, &str)> = q(text).into_iter().map(|(v, u, _)| (v, u)).collect();
        let want: Vec<(String, &str)> = want.iter().map(|(v, u)| (v.to_string(), *u)).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn enumerators_are_not_quantities() {
    assert_eq!(
        q("1、代表履职补贴费18.8万元。2、无职代表误工补助"),
        vec![("18.8".into(), "万元", Role::Plain)]
    );
    assert_eq!(
        q("1.预计参会人数338名。2.组成人员27名"),
        vec![
            ("338".into(), "名", Role::Plain),
            ("27".into(), "名", Role::Plain)
        ]
    );
    assert_eq!(
        q("（1）培训100人次"),
        vec![("100".into(), "人次", Role::Plain)]
    );
    assert_eq!(
        q("1）培训100人次；2)资金20万元"),
        vec![
            ("100".into(), "人次", Role::Plain),
            ("20".into(), "万元", Role::Plain)
        ]
    );
    assert_eq!(q("增长1.5%"), vec![("1.5".into(), "%", Role::Plain)]);
}

#[test]
fn money_roles_unit_prices_and_totals() {
    let got = q("全区共有19个活动室，每个6000元，主要支付：网络服务费。合计11.4万元");
    assert_eq!(
        got,
        vec![
            ("19".into(), "个", Role::Plain),
            ("6000".into(), "元", Role::PerUnit),
            ("11.4".into(), "万元", Role::Total)
        ]
    );
    let got = q("每个站预计3万元，合计6万元。");
    assert_eq!(
        got,
        vec![
            ("3".into(), "万元", Role::PerUnit),
            ("6".into(), "万元", Role::Total)
        ]
    );
    let got = quantities(&Folded::new("按照1000元/人/年标准预算"));
    assert_eq!(got[0].role, Role::PerUnit);
    assert_eq!(got[0].per, vec!["人".to_string(), "年".to_string()]);
    let got = q("按照每年6000元一个活动室预算");
    assert_eq!(
        got,
        vec![
            ("6000".into(), "元", Role::PerUnit),
            ("1".into(), "个", Role::PerUnit)
        ]
    );
    assert_eq!(
        q("项目经费公计105万元。"),
        vec![("105".into(), "万元", Role::Total)]
    );
    assert_eq!(q("总额250万"), vec![("250".into(), "万", Role::Total)]);
    // 每 anywhere in the clause makes money a rate; a count only close by.
    assert_eq!(
        q("每个资助对象不超过2000元"),
        vec![("2000".into(), "元", Role::PerUnit)]
    );
    assert_eq!(
        q("每年开展业务培训不少于12次"),
        vec![("12".into(), "次", Role::Plain)]
    );
    // A note in brackets right before the number does not end the clause; one further back does.
    assert_eq!(
        q("每头（只）0.3元"),
        vec![("0.3".into(), "元", Role::PerUnit)]
    );
    assert_eq!(
        q("合计（含税）20万元"),
        vec![("20".into(), "万元", Role::Total)]
    );
    assert_eq!(
        q("培训（每期3天）费用20万元"),
        vec![
            ("3".into(), "天", Role::PerUnit),
            ("20".into(), "万元", Role::Plain)
        ]
    );
    // 人均, 户均, 亩均, 生均 make money a rate as 每 does.
    for text in ["人均2000元", "户均补助3000元", "亩均800元", "生均650元"] {
        assert_eq!(q(text)[0].2, Role::PerUnit, "{text}");
    }
    assert_eq!(
        q("每个乡镇1名，资金共计20万元"),
        vec![
            ("1".into(), "名", Role::PerUnit),
            ("20".into(), "万元", Role::Total)
        ]
    );
}

#[test]
fn money_converts_to_wan() {
    let wan = |t: &str| quantities(&Folded::new(t))[0].money_wan();
    assert_eq!(wan("6000元"), Some(d("0.6")));
    assert_eq!(wan("11.4万元"), Some(d("11.4")));
    assert_eq!(wan("5千元"), Some(d("0.5")));
    assert_eq!(wan("1.2亿元"), Some(d("12000.0")));
    assert_eq!(wan("19个"), None);
}

#[test]
fn nouns_follow_the_measure_word() {
    let f = Folded::new("新建2个代表联络站。");
    assert_eq!(f.slice(quantities(&f)[0].noun), "代表联络站");
    let f = Folded::new("全区13个乡镇1个街道");
    let got = quantities(&f);
    assert_eq!(f.slice(got[0].noun), "乡镇");
    assert_eq!(f.slice(got[1].noun), "街道");
}

#[test]
fn years_and_periods() {
    let ys = |t: &str| {
        years(&Folded::new(t))
            .into_iter()
            .map(|y| y.year)
            .collect::<Vec<_>>()
    };
    assert_eq!(ys("2022年1月至12月"), vec![2022]);
    assert_eq!(ys("2021年1月至2022年3月"), vec![2021, 2022]);
    assert_eq!(ys("二〇二二年全年"), vec![2022]);
    assert_eq!(ys("2022-2024"), vec![2022, 2024]);
    assert_eq!(ys("攀人办[2019]53号"), Vec::<u32>::new());
    assert_eq!(ys("川财教（2021）6号"), Vec::<u32>::new());
    assert_eq!(ys("三年（2023-2025年）"), vec![2023, 2025]);
    assert_eq!(ys("经费2022元"), Vec::<u32>::new());
    assert_eq!(ys("2022年度"), vec![2022]);
    // Dates written with dots: the year before the first dot, not a decimal.
    assert_eq!(ys("2025.12.31前"), vec![2025]);
    assert_eq!(ys("2026.1-2028.12"), vec![2026, 2028]);
    assert_eq!(ys("2025.6"), vec![2025]);
    assert_eq!(ys("2025.13"), Vec::<u32>::new());
    assert_eq!(ys("2025.50万元"), Vec::<u32>::new());

    let ps = |t: &str| {
        periods(&Folded::new(t))
            .into_iter()
            .map(|p| (p.start, p.end))
            .collect::<Vec<_>>()
    };
    assert_eq!(ps("2022年1月至12月"), vec![((2022, 1), (2022, 12))]);
    assert_eq!(ps("2021年1月至12月"), vec![((2021, 1), (2021, 12))]);
    assert_eq!(ps("预计于2022年1月至3月召开"), vec![((2022, 1), (2022, 3))]);
    assert_eq!(ps("2022年1月-2023年6月"), vec![((2022, 1), (2023, 6))]);
    assert_eq!(ps("2022年全年"), vec![((2022, 1), (2022, 12))]);
    assert_eq!(ps("2022年完成。"), Vec::<((u32, u32), (u32, u32))>::new());
}

#[test]
fn signs_and_sign_words() {
    let kinds = |t: &str| {
        signs(&Folded::new(t), t)
            .into_iter()
            .map(|s| (s.kind, s.suffix))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("满意度≧95%以上"),
        vec![(SignKind::AtLeast, false), (SignKind::AtLeast, true)]
    );
    assert_eq!(kinds("不少于2次"), vec![(SignKind::AtLeast, false)]);
    assert_eq!(
        kinds("控制在5%以内"),
        vec![(SignKind::AtMost, false), (SignKind::AtMost, true)]
    );
    assert_eq!(kinds(">=90%"), vec![(SignKind::AtLeast, false)]);
    assert_eq!(kinds("以上各项"), vec![]);
    assert_eq!(kinds("100人以上"), vec![(SignKind::AtLeast, true)]);
    // 及以上 and 或以上 are one sign word.
    let s = signs(&Folded::new("≥90%及以上"), "≥90%及以上");
    assert_eq!(s[1].kind, SignKind::AtLeast);
    assert_eq!(s[1].span, Span::new(4, 7));
    assert_eq!(kinds("3人或以下"), vec![(SignKind::AtMost, true)]);
    assert_eq!(kinds("以及以上各项"), vec![]);
    // So is （含）以上, as official texts write it.
    let s = signs(&Folded::new("≥95%（含）以上"), "≥95%（含）以上");
    assert_eq!(s[1].kind, SignKind::AtLeast);
    assert_eq!(s[1].span, Span::new(4, 9));
    assert_eq!(kinds("3人(含)以下"), vec![(SignKind::AtMost, true)]);
    let s = signs(&Folded::new("满意≧95%"), "满意≧95%");
    assert_eq!(s[0].nonstandard, Some(("≧", "≥")));
    assert_eq!(s[0].span, Span::new(2, 3));
    let s = signs(&Folded::new(">=95%"), ">=95%");
    assert_eq!(s[0].nonstandard, Some((">=", "≥")));
}

#[test]
fn ranges_but_not_dates() {
    let rs = |t: &str| {
        ranges(&Folded::new(t))
            .into_iter()
            .map(|r| (r.low.to_string(), r.high.to_string(), r.unit))
            .collect::<Vec<_>>()
    };
    assert_eq!(rs("1至5个"), vec![("1".into(), "5".into(), "个")]);
    assert_eq!(rs("3-5名"), vec![("3".into(), "5".into(), "名")]);
    assert_eq!(rs("三到五次"), vec![("3".into(), "5".into(), "次")]);
    // In ones, as counts are read.
    assert_eq!(rs("1至5万人"), vec![("10000".into(), "50000".into(), "人")]);
    assert_eq!(rs("2022年1月至12月"), vec![]);
    assert_eq!(rs("1月至3月"), vec![]);
    assert_eq!(rs("2022-2024年"), vec![]);
}

#[test]
fn enumerated_items() {
    let f = Folded::new("1、代表履职补贴费。2、误工补助。3、视察经费。合计20万元");
    let it = items(&f);
    assert_eq!(it.len(), 3);
    assert_eq!(f.slice(it[1].span), "2、误工补助。");
    assert!(items(&Folded::new("1、只有一项")).is_empty());
    assert_eq!(items(&Folded::new("（1）甲；（2）乙")).len(), 2);
}

#[test]
fn document_numbers_need_the_right_brackets() {
    let f = Folded::new("根据攀枝花市人大代表活动经费管理使用办法（攀人办[2019]53号文件");
    let bad = bad_doc_numbers(&f);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].corrected, "攀人办〔2019〕53号");
    assert_eq!(f.slice(bad[0].span), "攀人办[2019]53号");
    assert!(bad_doc_numbers(&Folded::new("财预〔2021〕101号")).is_empty());
    assert_eq!(
        bad_doc_numbers(&Folded::new("攀仁委办[2014]126号"))[0].corrected,
        "攀仁委办〔2014〕126号"
    );
}

#[test]
fn units_normalise() {
    assert_eq!(normalise_unit("M"), "米");
    assert_eq!(normalise_unit("㎡"), "平方米");
    assert_eq!(normalise_unit("％"), "%");
    assert!(is_known_unit("人次"));
    for counted in ["场次", "户次", "批次", "班次", "件次"] {
        assert!(is_known_unit(counted), "{counted}");
    }
    assert!(!is_known_unit("坨"));
    for time in ["个工作日", "工作日", "个季度", "岁", "个", "个月"] {
        assert!(is_known_unit(time), "{time}");
    }
    assert!(!is_known_unit("个坨"));
}

#[test]
fn units_named_in_two_words_are_one() {
    assert!(same_unit("人", "名") && same_unit("位", "人") && same_unit("公里", "千米"));
    assert!(same_unit("个", "个") && same_unit("", ""));
    assert!(!same_unit("人", "人次") && !same_unit("公里", "公斤") && !same_unit("个", "项"));
    assert!(same_unit("场", "场次") && same_unit("批次", "批") && !same_unit("户", "户次"));
}

#[test]
fn a_lone_quantity_is_the_whole_text_but_a_sign() {
    for (text, read) in [
        ("1260公里", Some(("1260", "公里"))),
        (" ≥85% ", Some(("85", "%"))),
        ("10分", Some(("10", "分"))),
        ("1260", Some(("1260", ""))),
        ("约1260公里", None),
        ("1260公里以上", None),
        ("8座，10座", None),
    ] {
        let q = lone_quantity(text);
        assert_eq!(
            q.as_ref().map(|q| (q.value, q.unit)),
            read.map(|(v, u)| (d(v), u)),
            "{text}"
        );
    }
}

#[test]
fn a_name_may_state_its_unit_in_brackets_at_its_end() {
    for (name, unit) in [
        ("资助学生人数（人）", Some("人")),
        ("资助资金（单位：万元）", Some("万元")),
        ("认定准确率(%) ", Some("%")),
        ("资助标准（元/人·年）", Some("元/人·年")),
        ("改造面积（㎡）", Some("平方米")),
        ("培训人次（含线上）", None),
        ("资助学生人数", None),
        ("资助学生人数（人）以上", None),
        ("（", None),
        (")", None),
    ] {
        assert_eq!(unit_in_brackets(name).as_deref(), unit, "{name}");
    }
}

#[test]
fn folding_keeps_positions() {
    let t = "满意度≧９５％以上\u{3000}";
    let f = Folded::new(t);
    assert_eq!(f.len(), t.chars().count());
    assert_eq!(f.slice(Span::new(3, 7)), "≥95%");
}

#[test]
fn odd_text_never_panics() {
    for t in [
        "",
        "。",
        "1.",
        "..",
        "1,",
        "1,2345",
        "９９９９９９９９９９９９９９９９９９９９９９９９９９９９９９万元",
        "至至",
        "每",
        "/",
        "1元/",
        "二〇",
        "亿亿",
        "第",
        "[2019]",
        "(",
        "2022年1月至",
    ] {
        let f = Folded::new(t);
        let _ = (
            quantities(&f),
            years(&f),
            periods(&f),
            signs(&f, t),
            ranges(&f),
            items(&f),
            bad_doc_numbers(&f),
        );
    }
}

#[test]
fn words_are_decoded_when_compiled() {
    const W: &[Word] = words!["%", "m²", "万元", "😀次", ""];
    let got: Vec<Vec<char>> = W.iter().map(|w| w.chars().to_vec()).collect();
    assert_eq!(
        got,
        vec![
            vec!['%'],
            vec!['m', '²'],
            vec!['万', '元'],
            vec!['😀', '次'],
            vec![]
        ]
    );
    assert_eq!(W[2].text, "万元");
    assert_eq!(W[2].first(), '万');
    let f = Folded::new("合计１１万元");
    assert!(f.has(4, &W[2]));
    assert!(!f.has(3, &W[2]));
    assert!(!f.has(5, &W[2]), "a word running past the end is not there");
}

#[test]
fn has_finds_a_word_anywhere_and_only_whole_chars() {
    assert!(has("服务对象满意度", "满意度"));
    assert!(has("满意度", "满意度"));
    assert!(has("满意", ""));
    assert!(!has("满意", "满意度"));
    assert!(!has("", "满"));
    assert!(has("执行率达到", "执行率"));
    assert!(!has("执行", "行率"));
}

#[test]
fn a_word_set_finds_each_word_where_it_starts() {
    let chars = |s: &str| s.chars().collect::<Vec<char>>();
    let list = words!["各顶", "", "公计", "合计"];
    let set = WordSet::new(list);
    let found = set.find(&Folded::new("公计三项，各顶合计，公计"));
    assert_eq!(
        found,
        vec![
            (2, Span::new(0, 2)),
            (0, Span::new(5, 7)),
            (3, Span::new(7, 9)),
            (2, Span::new(10, 12)),
        ]
    );
    assert!(set.find(&Folded::new("没有要找的词")).is_empty());
    assert!(set.find(&Folded::new("")).is_empty());
    // At one place, the first in list order wins (units list 万元 before 万).
    let list = words!["万元", "万", "元"];
    let units = WordSet::new(list);
    assert_eq!(units.first_at(&chars("5万元"), 1), Some(0));
    assert_eq!(units.first_at(&chars("5万人"), 1), Some(1));
    assert_eq!(units.first_at(&chars("5万"), 2), None);
}

/// Every char of the Basic Multilingual Plane and a few beyond it.
fn all_chars() -> impl Iterator<Item = char> {
    (0..0x1_0000u32)
        .chain([0x1_F600, 0x2_0000, 0x10_FFFF])
        .filter_map(char::from_u32)
}

#[test]
fn a_char_set_never_misses_a_char_it_holds_and_is_exact_for_ascii_and_cjk_punctuation() {
    let held = CharSet::of(&['a', '(', '、', '〕', '号', '≥', '😀']);
    for c in all_chars() {
        assert!(CharSet::default().with(c).may_hold(c), "{c:?}");
        let exact = (c as u32) < 0x80 || ('\u{3000}'..='\u{303f}').contains(&c);
        if exact {
            assert_eq!(
                held.may_hold(c),
                matches!(c, 'a' | '(' | '、' | '〕'),
                "{c:?}"
            );
        }
    }
    for c in ['号', '≥', '😀'] {
        assert!(held.may_hold(c));
    }
    // Guessing is rare: of the 20,992 common ideographs, few are claimed by a set of two.
    let claimed = ('\u{4e00}'..='\u{9fff}')
        .filter(|c| held.may_hold(*c))
        .count();
    assert!(claimed < 20_992 / 10, "{claimed}");
    assert!(Folded::new(" \u{3000}\t")
        .char_set()
        .is_ascii_within(CharSet::of(&[' '])));
    assert!(!Folded::new(" 。")
        .char_set()
        .is_ascii_within(CharSet::of(&[' '])));
    assert!(!Folded::new(" x")
        .char_set()
        .is_ascii_within(CharSet::of(&[' '])));
}

#[test]
fn the_readers_skip_no_char_a_number_or_a_sign_can_start_at() {
    for c in all_chars() {
        // The number readers jump from one possible start to the next: none is jumped over …
        let f = Folded::new(&c.to_string());
        if number_at(&f, 0).is_some() {
            assert_eq!(next_number_start(&f, 0), Some(0), "{c:?}");
        }
        // … nor by the sign reader: wherever a sign starts (a symbol, or 以上 after a number),
        // its first char is one the reader stops at.
        for typed in [format!("{c}="), format!("1{c}上")] {
            let f = Folded::new(&typed);
            let at = typed.chars().position(|x| x == c).unwrap_or(0);
            if sign_at(&f, &mut Typed::new(&typed), at).is_some() {
                assert!(SIGN_STARTS.may_hold(fold(c)), "{c:?}");
            }
        }
    }
    // Every sign word is found by the reader that jumps, after a word of other text.
    for (w, kind, wants_suffix) in SIGN_WORDS {
        let typed = format!("满意度{}95%", w.text);
        let found = signs(&Folded::new(&typed), &typed);
        assert_eq!(
            found.first().map(|s| (s.kind, s.span, s.wants_suffix)),
            Some((*kind, Span::new(3, 3 + w.len()), *wants_suffix)),
            "{}",
            w.text
        );
    }
}

#[test]
fn the_chars_fold_skips_are_ones_the_table_keeps() {
    for c in '\u{3041}'..'\u{FF01}' {
        assert_eq!(fold_by_table(c), c, "{c:?}");
    }
    assert_eq!(fold('\u{FF01}'), '!');
    assert_eq!(fold('〜'), '~');
}

#[test]
fn a_unit_is_listed_before_the_shorter_units_it_starts_with() {
    // The reader takes the first unit of the list that stands after a number: "台次" listed
    // after "台" read "600台次" as 600 台.
    for (i, shorter) in UNITS.iter().enumerate() {
        for longer in &UNITS[i + 1..] {
            assert!(
                !longer.text.starts_with(shorter.text),
                "“{}” is listed after “{}”",
                longer.text,
                shorter.text
            );
        }
    }
    assert_eq!(q("≥600台次"), vec![("600".into(), "台次", Role::Plain)]);
}

#[test]
fn a_price_is_per_the_unit_after_its_slash_or_its_每() {
    for (text, per) in [
        ("1500元/件", Some(("件", None))),
        ("1000元/人/年", Some(("人", None))),
        ("每人每年2000元", Some(("人", None))),
        ("每年每人2000元", Some(("人", None))),
        ("每个站预计1万元", Some(("个", Some('站')))),
        ("每个活动室6000元", Some(("个", Some('活')))),
        ("每户3000元", Some(("户", None))),
        ("每月2500元", None),
        ("每年6000元", None),
        // 每 of another clause is not this price's.
        ("每人一册，印刷费2000元", None),
        ("人均补助89元", Some(("人", None))),
        ("户均3000元", Some(("户", None))),
        ("生均650元", Some(("生", None))),
        ("每年人均2000元", Some(("人", None))),
        ("6000元/床·年", Some(("床", None))),
    ] {
        let f = Folded::new(text);
        let price = quantities(&f).into_iter().find(|q| q.is_money());
        let price = price.unwrap_or_else(|| panic!("{text}: no money read"));
        assert_eq!(per_unit(&f, &price), per, "{text}");
    }
}

#[test]
fn products_are_exact_or_none() {
    let d = |s: &str| s.parse::<Decimal>().expect("decimal");
    assert_eq!(times(d("94"), d("520000")), Some(d("48880000")));
    assert_eq!(times(d("0.3"), d("-1.25")), Some(d("-0.375")));
    assert_eq!(times(Decimal::MAX, d("2")), None);
    // Past 28 decimal places: no product, never a rounded one.
    assert_eq!(times(d("0.00000000000001"), d("0.000000000000001")), None);
    let values = [
        "0",
        "0.01",
        "1",
        "-7.5",
        "860.00",
        "123456.789",
        "0.0003",
        "10000",
    ];
    for a in values {
        for b in values {
            assert_eq!(times(d(a), d(b)), d(a).checked_mul(d(b)), "{a} × {b}");
        }
    }
}

#[test]
fn products_written_out_are_found_with_their_result() {
    let found = |text: &str| {
        let f = Folded::new(text);
        let qs = quantities(&f);
        products(&f, &qs)
            .into_iter()
            .map(|ks| ks.map(|k| f.slice(qs[k].span)))
            .collect::<Vec<_>>()
    };
    for (text, want) in [
        ("单价8万元×20座=150万元", ["8万元", "20座", "150万元"]),
        (
            "每人2000元 * 1200人，合计240万元",
            ["2000元", "1200人", "240万元"],
        ),
        (
            "2000元/人乘以1200人共计240万元",
            ["2000元/人", "1200人", "240万元"],
        ),
        (
            "240万元（每人2000元×1200人）",
            ["2000元", "1200人", "240万元"],
        ),
    ] {
        assert_eq!(found(text), [want.map(String::from)], "{text}");
    }
    // A size, a product with no result, a result too far away.
    assert!(found("规格3×5米").is_empty());
    assert!(found("每人2000元×1200人").is_empty());
    assert!(found("每人2000元×1200人，其余用于培训，合计240万元").is_empty());
    assert!(found("240万元，用于资助每人2000元×1200人").is_empty());
}
