// The staff desk: every value from a ticket is shown with textContent, never parsed as HTML.
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
tokenInput.value = sessionStorage.getItem('tongce.staff') || '';

async function api(path, options = {}) {
  sessionStorage.setItem('tongce.staff', tokenInput.value);
  const res = await fetch(`/staff/api${path}`, { ...options, headers: { Authorization: `Bearer ${tokenInput.value}`, 'Content-Type': 'application/json' } });
  const data = await res.json();
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function el(tag, text) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  return n;
}

async function load() {
  $('error').textContent = '';
  try {
    const status = $('status').value;
    const { tickets } = await api(`/tickets${status ? `?status=${status}` : ''}`);
    const list = $('list');
    list.replaceChildren();
    for (const t of tickets) {
      const li = el('li', `${t.ref} · ${t.jurisdiction || '地区未知'} · ${t.question || '（无问题文本）'}`);
      li.appendChild(el('div', `${t.channel} · ${t.status} · ${new Date(t.createdAt).toLocaleString()}`)).className = 'status';
      li.addEventListener('click', () => show(t.ref));
      list.appendChild(li);
    }
  } catch (e) {
    $('error').textContent = e.message;
  }
}

async function show(ref) {
  const t = await api(`/tickets/${encodeURIComponent(ref)}`);
  const d = $('detail');
  d.replaceChildren();
  d.appendChild(el('h3', `${t.ref}（${t.status}）`));
  d.appendChild(el('p', `问题：${t.packet.question || '—'}；地区：${t.packet.jurisdiction || '未知'}；原因：${t.reason}`));
  d.appendChild(el('h4', '建议部门'));
  d.appendChild(el('pre', t.packet.suggestedDepartments.map((x) => `${x.name}（${x.jurisdiction}） ${x.confidence.toFixed(2)}`).join('\n') || '—'));
  d.appendChild(el('h4', '规则初判'));
  d.appendChild(el('pre', t.packet.draftVerdicts.map((v) => `${v.title}：${v.outcome}`).join('\n')));
  d.appendChild(el('h4', '已收集的企业信息'));
  d.appendChild(el('pre', JSON.stringify(t.packet.facts, null, 2)));
  d.appendChild(el('h4', '对话记录'));
  d.appendChild(el('pre', t.packet.transcript.map((e) => `${e.role === 'user' ? '用户' : '通策'}：${e.role === 'user' ? (e.payload.text || e.payload.action) : e.payload.map((m) => m.text).join('\n')}`).join('\n\n')));
  d.appendChild(el('h4', '回复'));
  for (const r of t.replies) d.appendChild(el('pre', `${new Date(r.at).toLocaleString()}${r.deliveredAt ? '（已送达）' : r.undeliverable ? `（无法送达：${r.undeliverable}）` : '（待送达）'}\n${r.text}`));
  const text = el('textarea');
  const send = el('button', '回复用户');
  send.addEventListener('click', async () => { await api(`/tickets/${encodeURIComponent(ref)}/reply`, { method: 'POST', body: JSON.stringify({ text: text.value }) }); await show(ref); await load(); });
  const close = el('button', '关闭工单');
  close.addEventListener('click', async () => { await api(`/tickets/${encodeURIComponent(ref)}/close`, { method: 'POST', body: '{}' }); await show(ref); await load(); });
  d.append(text, send, close);
}

$('load').addEventListener('click', load);
$('status').addEventListener('change', load);
if (tokenInput.value) load();
