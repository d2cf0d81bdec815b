//! jixiao: the model, the checker and the web app for 绩效目标申报表 (budget performance-target declarations).
//!
//! `model` and `check` are plain Rust and test natively; `app` (the Yew page) and `js_api` exist
//! only on wasm32.

pub mod check;
pub mod model;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub mod js_api;
