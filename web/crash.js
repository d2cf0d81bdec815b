// The safety net: should the app ever stop on an internal error, say so in Chinese instead of
// freezing silently. The release build aborts on a panic (no unwinding, no panic messages, for
// size), which reaches JavaScript as a WebAssembly.RuntimeError; that is what this listens for.
// The draft saved before the failure is restored on reload.
(function () {
  var shown = false;
  function crashed(error) {
    if (shown || !(error instanceof WebAssembly.RuntimeError)) return;
    shown = true;
    var banner = document.createElement('p');
    banner.className = 'notice notice-error crash';
    banner.setAttribute('role', 'alert');
    banner.textContent = '页面出现内部错误，请刷新页面；已自动保存的草稿会恢复。如反复出现，请先“下载 JSON”备份。';
    document.body.prepend(banner);
  }
  window.addEventListener('error', function (e) { crashed(e.error); });
  window.addEventListener('unhandledrejection', function (e) { crashed(e.reason); });
})();
