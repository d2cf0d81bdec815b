//! Entry point of the web app: built for wasm32 by Trunk; on a native build it says where the app is.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic aborts (see scripts/build.sh); web/crash.js tells the user.
    jixiao::app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("jixiao-web is the browser app; build it with `bash scripts/build.sh` (see README.md). For the command-line checker run `jixiao`.");
    std::process::exit(2);
}
