'use strict';
// A manager's view of one opening (?instance=<process instance id>), through the Tasklist session.

async function show() {
  const status = document.getElementById('status');
  const instance = new URLSearchParams(location.search).get('instance');
  if (!instance) {
    status.textContent = 'Open this page from a finished opening: ?instance=<process instance id>.';
    return;
  }
  const response = await fetch(`/api/openings/${encodeURIComponent(instance)}/result`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    status.textContent = await response.text();
    status.className = 'error';
    return;
  }
  const result = await response.json();
  const dl = document.getElementById('result');
  dl.querySelector('.verdict').textContent = result.valid ? 'Signature valid, signer identified' : 'Signature invalid';
  dl.querySelector('.member').textContent = result.signer ?? (result.memberId
    ? `a member not in the list (entry ${result.memberId})` : 'nobody (the signature does not open to a member)');
  dl.querySelector('.reason').textContent = result.reason ?? '';
  status.textContent = '';
  dl.hidden = false;
}

show().catch((error) => {
  document.getElementById('status').textContent = error.message;
});
