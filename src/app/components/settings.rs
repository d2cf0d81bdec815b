//! 检查设置: the profile's thresholds and switches, saved with the declaration.

use crate::app::state::Action;
use crate::model::Profile;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the settings.
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// The profile in force.
    pub profile: Profile,
    /// Sends the changed profile.
    pub dispatch: Callback<Action>,
}

/// The profile editor, folded under the problems panel.
#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let p = &props.profile;
    let check = |label: &'static str, value: bool, set: fn(&mut Profile, bool)| {
        let profile = p.clone();
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut next = profile.clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            );
            dispatch.emit(Action::SetProfile { profile: next });
        });
        html! { <label class="check"><input type="checkbox" checked={value} {onchange} />{label}</label> }
    };
    let number = |id: &'static str, label: &'static str, value: u32, set: fn(&mut Profile, u32)| {
        let profile = p.clone();
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            // Keep the last valid number when the box holds something else.
            if let Ok(n) = input.value().trim().parse::<u32>() {
                let mut next = profile.clone();
                set(&mut next, n);
                dispatch.emit(Action::SetProfile { profile: next });
            }
        });
        html! {
            <label class="setting" for={id}>
                <span>{label}</span>
                <input id={id} type="number" min="0" value={value.to_string()} {onchange} />
            </label>
        }
    };
    html! {
        <details class="settings">
            <summary>{"检查设置（随申报一起保存）"}</summary>
            { check("显示警告", p.show_warnings, |p, v| p.show_warnings = v) }
            { check("显示提示", p.show_info, |p, v| p.show_info = v) }
            { check("满意度目标为 100% 时警告", p.satisfaction_warn_at_100, |p, v| p.satisfaction_warn_at_100 = v) }
            { number("set-satisfaction", "满意度目标下限（%）", p.satisfaction_min_percent, |p, v| p.satisfaction_min_percent = v) }
            { number("set-target-cap", "目标文字字数上限（0 = 不限）", p.target_text_cap, |p, v| p.target_text_cap = v) }
            { number("set-cell-cap", "指标单元格字数上限（0 = 不限）", p.indicator_cell_cap, |p, v| p.indicator_cell_cap = v) }
            { number("set-min-indicators", "每张项目表至少几条指标", p.min_indicators_per_form, |p, v| p.min_indicators_per_form = v) }
            { number("set-cost-explained", "成本指标至少说明资金的百分比", p.cost_explained_min_percent, |p, v| p.cost_explained_min_percent = v) }
        </details>
    }
}
