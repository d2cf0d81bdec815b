//! jixiao: the model, the checker and the web app for 绩效目标申报表 (budget performance-target declarations).
//!
//! `model` and `check` are plain Rust and test natively; `app` (the Yew page) exists only on
//! wasm32, and `js_api` (the checker for other pages) only in the wasm build with `js-api`.

pub mod check;
pub mod model;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub mod js_api;

/// The wasm builds (the page and the checker for other pages) allocate with Talc, not the
/// default dlmalloc: 1.8 KB gzip smaller in the page, and no slower (measured by turns in
/// Chromium; quicker on declarations of thousands of projects).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
