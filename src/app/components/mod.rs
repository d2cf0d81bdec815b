//! The page's components, one concern per file.

pub mod fields;
pub mod forms;
pub mod grid;
pub mod panel;
pub mod print;
pub mod settings;
pub mod tabs;
pub mod toolbar;
