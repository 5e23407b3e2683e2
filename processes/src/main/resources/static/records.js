'use strict';
// The patient's and the doctor's page: records stored for me, shares I granted or received,
// revoking a share, and opening a record (decrypted by the app on request) in words.

const statusLine = () => document.getElementById('status');

async function api(method, path) {
  const response = await fetch(path, { method, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status === 404 ? 'not found or no longer shared with you' : response.status}`);
  }
  return response.status === 202 || response.status === 204 ? null : response.json();
}

function cell(row, text) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  return td;
}

function button(td, label, action) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', () => action().catch((error) => {
    statusLine().textContent = error.message;
    statusLine().className = 'error';
  }));
  td.appendChild(b);
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '';
}

// A FHIR bundle as the lines a person reads: one per resource, in the words the form used.
function describe(fhirJson) {
  const root = JSON.parse(fhirJson);
  const resources = root.resourceType === 'Bundle' ? (root.entry ?? []).map((e) => e.resource) : [root];
  return resources.map((r) => {
    switch (r.resourceType) {
      case 'Patient':
        return ['Patient', [(r.name ?? []).map((n) => n.text).join(', '), r.gender].filter(Boolean).join(', ')];
      case 'Encounter':
        return ['Visit', [(r.type ?? []).map((t) => t.text).join(', '), r.period?.start,
          r.serviceProvider?.display && `at ${r.serviceProvider.display}`].filter(Boolean).join(', ')];
      case 'Condition':
        return ['Diagnosis', r.code?.text ?? ''];
      case 'Observation': {
        const name = r.code?.text ?? r.code?.coding?.[0]?.display ?? 'Observation';
        const value = r.valueQuantity ? `${r.valueQuantity.value} ${r.valueQuantity.unit ?? ''}` : (r.valueString ?? '');
        return [name, value.trim()];
      }
      case 'MedicationStatement':
        return ['Medication', r.medicationCodeableConcept?.text ?? ''];
      case 'Procedure':
        return ['Treatment', r.code?.text ?? ''];
      default:
        return [r.resourceType, r.text?.div ? r.text.div.replace(/<[^>]+>/g, '') : (r.code?.text ?? '')];
    }
  });
}

async function openRecord(recordId) {
  const opened = await api('GET', `/api/records/${encodeURIComponent(recordId)}/content`);
  const section = document.getElementById('opened');
  section.querySelector('.record-id').textContent = recordId;
  const checks = section.querySelector('.checks');
  checks.replaceChildren();
  for (const [ok, text] of [
    [opened.signatureValid, opened.signatureValid ? 'Group signature verified' : `Group signature does not verify: ${opened.signatureProblem ?? ''}`],
    [opened.merkleRootValid, opened.merkleRootValid ? 'Content matches its signed Merkle root' : 'Content does not match its Merkle root'],
    [opened.anchoredForPatient, opened.anchoredForPatient ? 'Anchored on chain for the patient' : 'Not anchored on chain for the patient'],
    [opened.shareActiveOnChain, opened.shareActiveOnChain ? 'Access in force on chain' : 'No access in force on chain'],
  ]) {
    const li = document.createElement('li');
    li.className = ok ? 'ok' : 'bad';
    li.textContent = text;
    checks.appendChild(li);
  }
  const content = section.querySelector('.content');
  content.replaceChildren();
  for (const [term, value] of describe(opened.fhirJson)) {
    content.append(Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value }));
  }
  section.hidden = false;
}

async function revoke(share) {
  await api('POST', `/api/shares/${encodeURIComponent(share.shareId)}/revoke`);
  statusLine().textContent = `Revocation of the share with ${share.doctorId} sent: the key wrap is removed and the revocation posted on chain.`;
  statusLine().className = '';
  setTimeout(load, 1500);
}

async function load() {
  const [records, shares] = await Promise.all([api('GET', '/api/records'), api('GET', '/api/shares')]);
  const recordRows = document.querySelector('#records tbody');
  recordRows.replaceChildren();
  for (const record of records) {
    const row = recordRows.insertRow();
    cell(row, record.recordId);
    cell(row, record.hospitalGroupId);
    cell(row, when(record.anchoredAt));
    button(row.insertCell(), 'Open', () => openRecord(record.recordId));
  }
  document.getElementById('records').hidden = records.length === 0;
  const shareRows = document.querySelector('#shares tbody');
  shareRows.replaceChildren();
  for (const share of shares) {
    const row = shareRows.insertRow();
    row.dataset.shareId = share.shareId;
    cell(row, share.recordId);
    cell(row, share.patientId);
    cell(row, share.doctorId);
    cell(row, when(share.expiresAt));
    cell(row, share.status.toLowerCase());
    const actions = row.insertCell();
    if (share.status === 'ACTIVE' && records.some((r) => r.recordId === share.recordId)) {
      button(actions, 'Revoke', () => revoke(share));
    } else if (share.status === 'ACTIVE') {
      button(actions, 'Open', () => openRecord(share.recordId));
    }
  }
  document.getElementById('shares').hidden = shares.length === 0;
  if (records.length === 0 && shares.length === 0) {
    statusLine().textContent = 'No records and no shares for you yet.';
  } else if (statusLine().textContent.startsWith('Loading')) {
    statusLine().textContent = '';
  }
}

load().catch((error) => {
  statusLine().textContent = error.message;
  statusLine().className = 'error';
});
