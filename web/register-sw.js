// Registers the service worker that keeps the app's own files, so that after one visit the
// page opens with the network off. Only over http(s): a page opened from disk needs none.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(function () { /* the app works without it */ });
}
