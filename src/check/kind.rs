//! What a finding is about, with its numbers; the Chinese message is rendered from it.

use crate::model::money::{at_least_2dp, sum_exact, text_of, to_places};
use rust_decimal::Decimal;
use serde::Serialize;
use std::rc::Rc;

/// A text quoted by many findings: shared, so each of them holds it without a copy.
pub type SharedText = Rc<str>;

/// Formats an amount of 万元 with at least two decimals ("105.00").
pub fn wan(d: &Decimal) -> String {
    at_least_2dp(*d)
}

/// |a − b|, saturating instead of overflowing.
fn diff(a: &Decimal, b: &Decimal) -> Decimal {
    // As a sum with the sign of `b` turned: exact subtraction inlined here was 1.6 KB of the page.
    sum_exact([*a, -*b]).map_or(Decimal::MAX, |d| d.abs())
}

/// Formats a plain number without trailing zeros ("11.4", "188").
pub fn num(d: &Decimal) -> String {
    let d = d.normalize();
    // Most are whole numbers: the integer's own formatting is several times quicker.
    match i64::try_from(d.mantissa()) {
        Ok(whole) if d.scale() == 0 => whole.to_string(),
        _ => text_of(d),
    }
}

/// Formats a count as forms write a large one: in 万 from 10 000 when two decimals hold it
/// ("52万", "1.35万"), else as [`num`] does ("12345").
fn count_of(d: &Decimal) -> String {
    let mut wan = d.normalize();
    if *d >= Decimal::from(10_000)
        && wan.set_scale(wan.scale() + 4).is_ok()
        && wan.normalize().scale() <= 2
    {
        return format!("{}万", num(&wan));
    }
    num(d)
}

/// The kind of a finding. Each variant carries what its message needs. Two kinds are equal when
/// their messages are: a comparison derived field by field for every variant costs ~1 KB of the
/// page, and kinds are compared only when the app asks whether a field's findings changed.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Kind {
    // Y — year and time
    YearDiffers {
        form_year: String,
        budget_year: String,
    },
    TimingNamesOtherYear {
        year: u32,
        budget_year: u32,
    },
    PeriodRunsPastYear {
        end_year: u32,
        end_month: u32,
        budget_year: u32,
    },
    PeriodMissesYear {
        period: String,
        budget_year: u32,
    },
    LongTermTimingOutsidePeriod {
        year: u32,
        period: String,
    },
    MultiYearWithoutLongTermTarget {
        period: String,
    },
    LongTermTargetSameAsAnnual,
    TargetNamesEarlierYearOnly {
        field: &'static str,
        year: u32,
        budget_year: u32,
    },
    // H — identity and required fields
    UnitNameDiffers {
        found: String,
        expected: String,
    },
    DuplicateProjectName {
        name: String,
        first: usize,
    },
    TooLong {
        field: &'static str,
        chars: usize,
        cap: u32,
    },
    Missing {
        field: &'static str,
    },
    // M — money
    AmountNotNumber {
        text: String,
        problem: String,
    },
    AmountNotApplicable {
        text: String,
    },
    AmountRepeatsUnit {
        text: String,
        value: String,
    },
    AmountWrongUnit {
        text: String,
        unit: String,
        wan: Decimal,
    },
    TooManyDecimals {
        text: String,
    },
    ProjectSourcesDontAdd {
        total: Decimal,
        appropriation: Decimal,
        other: Decimal,
        carryover: Decimal,
        sum: Decimal,
    },
    OverallPartsDontAdd {
        total: Decimal,
        personnel: Decimal,
        operating: Decimal,
        projects: Decimal,
        sum: Decimal,
    },
    ProjectFundsDiffer {
        stated: Decimal,
        sum: Decimal,
        count: usize,
    },
    ProjectCountDiffers {
        stated: Decimal,
        forms: usize,
    },
    TextAmountDiffers {
        label: &'static str,
        header: &'static str,
        in_text: Decimal,
        in_field: Decimal,
    },
    CostExceedsTotal {
        stated: Decimal,
        total: Decimal,
    },
    CostUnderExplained {
        stated: Decimal,
        total: Decimal,
        percent: Decimal,
        min: u32,
    },
    CostStatesNoMoney,
    PriceTimesQuantityDiffers {
        /// As written, in `money` ("1.5" 元).
        price: Decimal,
        money: &'static str,
        quantity: Decimal,
        unit: &'static str,
        product: Decimal,
        total: Decimal,
    },
    PriceTimesCountExceedsTotal {
        price: Decimal,
        money: &'static str,
        count: Decimal,
        unit: &'static str,
        product: Decimal,
        total: Decimal,
    },
    ItemsDontAdd {
        items: usize,
        sum: Decimal,
        total: Decimal,
    },
    ItemsWithoutAmounts {
        without: usize,
        items: usize,
        remainder: Decimal,
    },
    // C — categories and structure
    UnknownLevel1 {
        name: String,
    },
    UnknownLevel2 {
        level1: String,
        name: String,
    },
    MixedFrameworks,
    FrameworkDiffersFromProfile {
        expected: String,
        found: String,
    },
    MissingLevel1 {
        level1: String,
    },
    MissingLevel2 {
        level1: String,
        level2: String,
    },
    RowHalfFilled {
        missing: String,
    },
    EmptyRows {
        count: usize,
    },
    PlaceholderName {
        name: String,
    },
    DuplicateName {
        name: SharedText,
        other: SharedText,
    },
    SatisfactionMisplaced {
        level1: String,
    },
    MoneyUnderQuantity {
        unit: &'static str,
    },
    FeeAsQuantity {
        name: String,
    },
    CostOnlyPercent,
    TooFewIndicators {
        count: usize,
        min: u32,
    },
    OverallGroupMissing {
        level1: &'static str,
    },
    OverallGroupEmpty {
        level1: &'static str,
    },
    // V — indicator values
    NotQuantitative {
        level2: String,
    },
    NoSign,
    NoUnit {
        number: Decimal,
    },
    UnitColumnDiffers {
        column: String,
        in_value: &'static str,
    },
    QualitativeWithUnit {
        unit: String,
    },
    QuantitativeWithoutNumber {
        sign: &'static str,
    },
    NumberWithUnit {
        field: &'static str,
        text: String,
        number: Decimal,
        unit: &'static str,
        unit_column: bool,
    },
    RedundantSignWord {
        word: String,
    },
    NonstandardSign {
        found: &'static str,
        standard: &'static str,
    },
    RangeTarget {
        low: Decimal,
        high: Decimal,
        unit: &'static str,
        /// Less is better (a cost, a 反向 indicator): the example target is the cap, ≤ high.
        cap: bool,
    },
    ApproximateTarget {
        written: String,
    },
    PercentOutOfRange {
        value: Decimal,
    },
    RateWithoutPercent {
        unit: &'static str,
    },
    SatisfactionTooLow {
        value: Decimal,
        min: u32,
    },
    SatisfactionFull,
    SatisfactionTargetsDiffer {
        first: Decimal,
        other: Decimal,
    },
    Boilerplate {
        text: String,
    },
    RestatesName,
    NoGradeScale,
    NameNumberDiffers {
        in_name: Decimal,
        in_value: Decimal,
        unit: &'static str,
        value_unit: &'static str,
    },
    SubjectInValue {
        subject: SharedText,
        core: SharedText,
    },
    UnknownUnit {
        unit: String,
    },
    NonstandardUnit {
        unit: String,
        standard: String,
    },
    DirectionDisagrees {
        sign: &'static str,
        direction: &'static str,
    },
    LowerIsBetter {
        avoided: &'static str,
    },
    // T — target text
    TargetNotMeasurable {
        field: &'static str,
    },
    CountNotInTarget {
        value: Decimal,
        unit: &'static str,
    },
    CountContradictsTarget {
        value: Decimal,
        unit: &'static str,
        noun: String,
        in_target: Decimal,
    },
    AnnualBudgetNotPart {
        annual: Decimal,
        whole: Decimal,
    },
    LongTermBelowAnnual {
        long_term: Decimal,
        annual: Decimal,
        unit: &'static str,
    },
    PastTense {
        phrase: &'static str,
    },
    CostPerUnit {
        per_unit: Decimal,
        unit: &'static str,
        count: Decimal,
        total: Decimal,
    },
    // W — wording and format
    DocNumberBrackets {
        found: String,
        corrected: String,
    },
    UnclosedBracket {
        open: char,
    },
    UnopenedBracket {
        close: char,
    },
    MismatchedBrackets {
        open: char,
        close: char,
    },
    MixedWidthBrackets {
        open: char,
        close: char,
    },
    ConversionArtefact {
        text: String,
    },
    Typo {
        found: &'static str,
        correct: &'static str,
    },
    // S — scores and weights
    WeightsDontAdd {
        sum: Decimal,
        expected: Decimal,
        separate_execution: bool,
    },
    PointsNotNumber {
        field: &'static str,
        text: String,
    },
    WeightSplitDiffers {
        level1: &'static str,
        sum: Decimal,
        expected: u32,
    },
    ScoreExceedsWeight {
        score: Decimal,
        weight: Decimal,
    },
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.message() == other.message()
    }
}

impl Eq for Kind {}

impl Kind {
    /// The Chinese message.
    pub fn message(&self) -> String {
        use Kind::*;
        match self {
            YearDiffers { form_year, budget_year } => {
                if form_year.trim().is_empty() {
                    format!("本表未填年度，申报年度为 {budget_year} 年")
                } else {
                    format!("本表年度为“{form_year}”，与申报年度 {budget_year} 年不一致")
                }
            }
            TimingNamesOtherYear { year, budget_year } => {
                format!("时效指标写的是 {year} 年，本申报为 {budget_year} 年度，应为 {budget_year} 年内的时间")
            }
            PeriodRunsPastYear { end_year, end_month, budget_year } => format!(
                "时效指标的期限到 {end_year} 年 {end_month} 月，超出了 {budget_year} 年度；跨年项目的年度指标应写本年度内的安排"
            ),
            PeriodMissesYear { period, budget_year } => format!("项目起止时间“{period}”不包含申报年度 {budget_year} 年"),
            LongTermTimingOutsidePeriod { year, period } => {
                format!("中长期时效指标写的 {year} 年不在项目起止时间“{period}”内")
            }
            MultiYearWithoutLongTermTarget { period } => {
                format!("项目实施期“{period}”跨年度，应另填中长期（实施期）目标，与年度目标区分")
            }
            LongTermTargetSameAsAnnual => "中长期目标与年度目标完全相同，跨年度项目的年度目标应是实施期目标中本年度的部分".into(),
            TargetNamesEarlierYearOnly { field, year, budget_year } => {
                format!("{field}只写了 {year} 年，本申报为 {budget_year} 年度：请确认不是沿用了上一年的目标")
            }
            UnitNameDiffers { found, expected } => format!("单位名称“{found}”与申报单位“{expected}”不一致"),
            DuplicateProjectName { name, first } => format!("项目名称“{name}”与项目表 {first} 重复，每个项目的名称应唯一"),
            TooLong { field, chars, cap } => format!("{field}共 {chars} 字，超过模板限制的 {cap} 字"),
            Missing { field } => format!("未填写{field}"),
            AmountNotNumber { text, problem } => format!("金额“{text}”无法识别：{problem}"),
            AmountNotApplicable { text } => format!("“{text}”表示没有这项资金，按 0 计；金额栏宜填 0.00"),
            AmountRepeatsUnit { text, value } => format!("金额栏已注明单位为万元，“{text}”不必再写单位，应填 {value}"),
            AmountWrongUnit { text, unit, wan: w } => {
                format!("金额栏单位为万元，“{text}”写的单位是{unit}，折合 {} 万元", num(w))
            }
            TooManyDecimals { text } => format!("金额“{text}”超过两位小数，万元金额应保留两位小数"),
            ProjectSourcesDontAdd { total, appropriation, other, carryover, sum } => {
                let mut parts = format!("财政拨款 {} + 其他资金 {}", wan(appropriation), wan(other));
                if !carryover.is_zero() {
                    parts.push_str(&format!(" + 上年结转 {}", wan(carryover)));
                }
                format!("{parts} = {} 万元，与年度资金总额 {} 万元不一致（相差 {} 万元）", wan(sum), wan(total), wan(&diff(sum, total)))
            }
            OverallPartsDontAdd { total, personnel, operating, projects, sum } => format!(
                "人员经费 {} + 公用经费 {} + 项目经费 {} = {} 万元，与填报的年度财政拨款资金总额 {} 万元不一致（相差 {} 万元）",
                wan(personnel), wan(operating), wan(projects), wan(sum), wan(total), wan(&diff(sum, total))
            ),
            ProjectFundsDiffer { stated, sum, count } => format!(
                "项目经费 {} 万元与 {count} 张项目表的年度资金总额合计 {} 万元不一致（相差 {} 万元）",
                wan(stated), wan(sum), wan(&diff(sum, stated))
            ),
            ProjectCountDiffers { stated, forms } => format!("文字中写申报 {} 个项目，实际填报了 {forms} 张项目表", num(stated)),
            TextAmountDiffers { label, header, in_text, in_field } => format!(
                "文字中的{label} {} 万元与表头填报的{header} {} 万元不一致（相差 {} 万元）",
                num(in_text), wan(in_field), wan(&diff(in_text, in_field))
            ),
            CostExceedsTotal { stated, total } => format!("成本指标写明的金额合计 {} 万元，超过了年度资金总额 {} 万元", num(stated), wan(total)),
            CostUnderExplained { stated, total, percent, min } => format!(
                "成本指标写明的金额合计 {} 万元，只占年度资金总额 {} 万元的 {}%（低于 {min}%），其余资金用途未说明",
                num(stated), wan(total), num(percent)
            ),
            CostStatesNoMoney => "成本指标没有写明金额（总成本、单位成本或分项成本）".into(),
            PriceTimesQuantityDiffers { price, money, quantity, unit, product, total } => format!(
                "单价 {} {money} × {}{unit} = {} 万元，与写明的合计 {} 万元不一致",
                num(price), count_of(quantity), num(product), num(total)
            ),
            PriceTimesCountExceedsTotal { price, money, count, unit, product, total } => format!(
                "单价 {}{money} × 数量指标的 {}{unit} = {} 万元，超过项目年度资金总额 {} 万元，请核对单价、数量或资金",
                num(price), count_of(count), num(product), num(total)
            ),
            ItemsDontAdd { items, sum, total } => format!("{items} 个分项金额之和 {} 万元，与合计 {} 万元不一致", num(sum), num(total)),
            ItemsWithoutAmounts { without, items, remainder } => format!(
                "{items} 个分项中有 {without} 个未写金额，合计中有 {} 万元未说明用于哪一项",
                num(remainder)
            ),
            UnknownLevel1 { name } => format!("一级指标“{name}”不是规定的指标类别"),
            UnknownLevel2 { level1, name } => format!("二级指标“{name}”不属于一级指标“{level1}”的规定类别"),
            MixedFrameworks => "本表同时使用了两种指标框架：成本指标既是产出下的二级指标，又是一级指标".into(),
            FrameworkDiffersFromProfile { expected, found } => format!("检查设置要求{expected}，本表使用的是{found}"),
            MissingLevel1 { level1 } => format!("缺少已填写的{level1}（至少应有一条）"),
            MissingLevel2 { level1, level2 } => format!("{level1}下没有已填写的{level2}"),
            RowHalfFilled { missing } => format!("指标行只填了一半：缺少{missing}"),
            EmptyRows { count } => format!("有 {count} 个空白指标行，提交前可删除"),
            PlaceholderName { name } => format!("三级指标名称“{name}”是类别词或套话，应写明具体考核什么"),
            DuplicateName { name, other } => {
                if name == other {
                    format!("三级指标“{name}”在本表中重复出现")
                } else {
                    format!("三级指标“{name}”与“{other}”几乎相同，应合并或区分")
                }
            }
            SatisfactionMisplaced { level1 } => format!("满意度指标放在了“{level1}”下，应放在满意度指标下"),
            MoneyUnderQuantity { unit } => format!("数量指标的计量单位是{unit}（金额），金额应放在成本指标"),
            FeeAsQuantity { name } => format!("数量指标“{name}”是一项费用，数量指标应写产出的数量（个、人、次…）"),
            CostOnlyPercent => "成本指标只写了百分比，没有写明成本金额".into(),
            TooFewIndicators { count, min } => format!("本表只有 {count} 条已填写的绩效指标，少于建议的 {min} 条"),
            OverallGroupMissing { level1 } => format!("整体支出表缺少“{level1}”类指标"),
            OverallGroupEmpty { level1 } => format!("整体支出表“{level1}”下的指标都未填写"),
            NotQuantitative { level2 } => format!("{level2}应当量化（写明数字和单位），这里只有文字"),
            NoSign => "量化指标未写明符号（≥、≤ 或 =）".into(),
            NoUnit { number } => format!("指标值 {} 没有计量单位", num(number)),
            UnitColumnDiffers { column, in_value } => format!("计量单位栏为“{column}”，指标值中写的是“{in_value}”"),
            QualitativeWithUnit { unit } => format!("定性指标不应有计量单位（“{unit}”）和数值"),
            QuantitativeWithoutNumber { sign } => format!("符号为“{sign}”的量化指标没有可识别的数值"),
            NumberWithUnit { field, text, number, unit, unit_column } => {
                let apart = if *unit_column { String::new() } else { format!("，计量单位栏填“{unit}”") };
                format!("{field}栏只填数字：“{text}”应填 {}{apart}", num(number))
            }
            RedundantSignWord { word } => format!("符号与“{word}”重复，只保留符号即可"),
            NonstandardSign { found, standard } => format!("“{found}”不是规范的符号，应写作“{standard}”"),
            RangeTarget { low, high, unit, cap } => {
                let (sign, example) = if *cap { ("≤", high) } else { ("≥", low) };
                format!("指标值“{}至{}{unit}”是一个范围，应写明一个确定的目标值（如 {sign}{}{unit}）", num(low), num(high), num(example))
            }
            ApproximateTarget { written } => format!("指标值“{written}”是一个约数，应写明一个确定的目标值（如 ≥、≤ 或 = 一个数）"),
            PercentOutOfRange { value } => format!("百分比 {}% 超出 0–100% 的范围", num(value)),
            RateWithoutPercent { unit } => format!("比率类指标应以 % 计量，这里的单位是“{unit}”"),
            SatisfactionTooLow { value, min } => format!("满意度目标 {}% 低于 {min}%，目标偏低", num(value)),
            SatisfactionFull => "满意度目标为 100%，通常难以实现，评审时可能被认为不合理".into(),
            SatisfactionTargetsDiffer { first, other } => {
                format!("本表的满意度目标不一致：{}% 与 {}%", num(first), num(other))
            }
            Boilerplate { text } => format!("指标值“{text}”是套话，看不出要达到什么，应写明可考核的标准"),
            RestatesName => "指标值只是重复了指标名称，应写明目标值或评判标准".into(),
            NoGradeScale => "定性指标可用分级表述（如 优/良/中/差，或 达成/部分达成/未达成），便于考核".into(),
            NameNumberDiffers { in_name, in_value, unit, value_unit } => {
                format!("指标名称中的 {}{unit} 与指标值 {}{value_unit} 不一致", num(in_name), num(in_value))
            }
            SubjectInValue { subject, core } => format!("“{subject}”属于指标名称，指标值栏只需填“{core}”"),
            UnknownUnit { unit } => format!("计量单位“{unit}”不是常用单位"),
            NonstandardUnit { unit, standard } => format!("计量单位“{unit}”应写作“{standard}”"),
            DirectionDisagrees { sign, direction } => format!("符号“{sign}”与指标方向“{direction}”不一致"),
            LowerIsBetter { avoided } => format!("{avoided}率越低越好（反向指标），指标值应写“≤”（不高于），而不是“≥”"),
            TargetNotMeasurable { field } => format!("{field}没有任何可衡量的数字（数量、金额、比例或时间）"),
            CountNotInTarget { value, unit } => format!("数量指标 {}{unit} 在目标中找不到依据（目标中没有这个数，也不是目标中数字之和）", num(value)),
            CountContradictsTarget { value, unit, noun, in_target } => format!(
                "指标写 {}{unit}{noun}，目标中写的是 {}{unit}{noun}，前后不一致",
                num(value), num(in_target)
            ),
            AnnualBudgetNotPart { annual, whole } => format!(
                "年度资金总额 {} 万元不少于中长期成本指标合计的 {} 万元：跨年度项目的年度资金应是实施期总资金中预算年度的部分",
                wan(annual), num(whole)
            ),
            LongTermBelowAnnual { long_term, annual, unit } => format!(
                "中长期指标 {}{unit} 少于同名年度指标的 {}{unit}：年度目标是实施期目标的一部分，实施期的数量应不少于年度数量（按年计的请写明“每年”）",
                num(long_term), num(annual)
            ),
            PastTense { phrase } => format!("“{phrase}”是已完成的表述，目标应写本年度要达到什么"),
            CostPerUnit { per_unit, unit, count, total } => {
                // Under 1 万元 in 元, as unit costs are usually stated ("每人 47 元").
                let in_yuan = crate::text::times(*per_unit, Decimal::from(10_000));
                let each = match in_yuan.filter(|_| *per_unit < Decimal::ONE) {
                    // Whole 元 from 100 元 ("每名 1064 元"), else to the 分: "每页 1.5 元" and
                    // "每头 0.38 元" (1.5 shown as 2 would misstate a price written in 角).
                    Some(yuan) => {
                        let places = if yuan < Decimal::ONE_HUNDRED { 2 } else { 0 };
                        format!("{} 元", num(&to_places(yuan, places, true)))
                    }
                    None => format!("{} 万元", num(&to_places(*per_unit, 4, true))),
                };
                format!("单位产出成本：{} 万元 ÷ {}{unit} ≈ 每{unit} {each}", wan(total), count_of(count))
            }
            DocNumberBrackets { found, corrected } => format!("文号“{found}”的年份应使用六角括号：“{corrected}”"),
            UnclosedBracket { open } => format!("“{open}”没有对应的右括号"),
            UnopenedBracket { close } => format!("“{close}”没有对应的左括号"),
            MismatchedBrackets { open, close } => format!("括号不配对：“{open}”与“{close}”"),
            MixedWidthBrackets { open, close } => format!("括号全角半角混用：“{open}”与“{close}”"),
            ConversionArtefact { text } => format!("含有文档转换留下的残留内容“{text}”"),
            Typo { found, correct } => format!("“{found}”疑为错别字，应为“{correct}”"),
            WeightsDontAdd { sum, expected, separate_execution } => {
                let why = if *separate_execution { "（预算执行率 10 分另计）" } else { "" };
                format!("各指标权重合计 {}，应为 {}{why}", num(sum), num(expected))
            }
            PointsNotNumber { field, text } => format!("{field}“{text}”不是数字，无法核对"),
            WeightSplitDiffers { level1, sum, expected } => format!("{level1}的权重合计 {}，建议为 {expected}", num(sum)),
            ScoreExceedsWeight { score, weight } => format!("分值 {} 超过了权重 {}", num(score), num(weight)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{count_of, num};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn num_writes_what_the_decimal_does_without_trailing_zeros() {
        for text in [
            "0",
            "-0",
            "0.0",
            "7",
            "95",
            "100.00",
            "11.4",
            "-3.50",
            "0.001",
            "1e3",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "79228162514264337593543950335",
        ] {
            let d = Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .unwrap();
            assert_eq!(num(&d), d.normalize().to_string(), "{text}");
        }
        assert_eq!(num(&Decimal::from_str("100.00").unwrap()), "100");
        assert_eq!(num(&Decimal::from_str("-0.0").unwrap()), "0");
    }

    #[test]
    fn a_large_count_is_written_in_万_when_two_decimals_hold_it() {
        for (count, written) in [
            ("520000", "52万"),
            ("13500", "1.35万"),
            ("10000", "1万"),
            ("12345", "12345"),
            ("9999", "9999"),
            ("1200", "1200"),
            ("520000.00", "52万"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
        ] {
            assert_eq!(
                count_of(&Decimal::from_str(count).unwrap()),
                written,
                "{count}"
            );
        }
    }
}
