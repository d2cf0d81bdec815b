//! The checker profile: thresholds and switches a finance bureau or a user can set, saved with the declaration.

use super::framework::Framework;

/// Thresholds and switches of the checker. Every field has a default, so files may omit any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The framework project forms must follow; `None` detects it from each form.
    pub framework: Option<Framework>,
    /// Whether the project forms are the unit's complete set (项目经费 must then equal their sum).
    pub project_set_complete: bool,
    /// A satisfaction target below this percentage is warned about.
    pub satisfaction_min_percent: u32,
    /// Whether a satisfaction target of 100% is warned about (rarely credible).
    pub satisfaction_warn_at_100: bool,
    /// Length cap, in characters, of target and task text (0 = no cap).
    pub target_text_cap: u32,
    /// Length cap, in characters, of one indicator cell (0 = no cap).
    pub indicator_cell_cap: u32,
    /// Money stated in the cost indicators that explains less than this percentage of the total is warned about.
    pub cost_explained_min_percent: u32,
    /// The fewest filled indicators a project form should have.
    pub min_indicators_per_form: u32,
    /// Expected weight split 产出 / 效益 / 满意度 / 预算执行率 (used only where rows carry weights).
    pub weight_split: [u32; 4],
    /// Whether warnings are shown.
    pub show_warnings: bool,
    /// Whether info findings are shown.
    pub show_info: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            framework: None,
            project_set_complete: true,
            satisfaction_min_percent: 80,
            satisfaction_warn_at_100: true,
            target_text_cap: 450,
            indicator_cell_cap: 150,
            cost_explained_min_percent: 80,
            min_indicators_per_form: 5,
            weight_split: [50, 30, 10, 10],
            show_warnings: true,
            show_info: true,
        }
    }
}
