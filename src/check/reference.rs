//! The rule reference, generated from the registry: id, severity, what, why, and a real finding on a sample.

use super::registry::RULES;
use super::{check, Finding};
use crate::model::Profile;
use std::rc::Rc;

/// The first finding a rule makes on its own sample.
pub fn sample_finding(id: &str) -> Option<Rc<Finding>> {
    let rule = RULES.iter().find(|r| r.id == id)?;
    let d = (rule.sample.get())();
    check(&d, &Profile::default())
        .findings
        .into_iter()
        .find(|f| f.rule == id)
}

/// The whole reference as Markdown (docs/rules.md).
pub fn markdown() -> String {
    let mut s = String::from(
        "# 检查规则一览\n\n\
         本文件由 `jixiao rules` 从规则本身生成（`cargo run --bin jixiao -- rules > docs/rules.md`），请勿手工编辑。\n\
         “示例”是该规则在一份正确申报上改动一处后实际给出的结果。\n\n\
         严重程度：**错误** = 表内自相矛盾或缺少所有模板都要求的内容；**警告** = 评审会退回或扣分；**提示** = 值得一看。\n\n",
    );
    for rule in RULES {
        s.push_str(&format!(
            "## {} {}（{}）\n\n",
            rule.id,
            rule.title.get(),
            rule.severity.label()
        ));
        s.push_str(&format!("依据：{}\n\n", rule.why.get()));
        match sample_finding(rule.id) {
            Some(f) => s.push_str(&format!(
                "示例：{}：{}\n\n",
                f.severity.label(),
                f.message()
            )),
            None => s.push_str("示例：（无）\n\n"),
        }
    }
    s
}
