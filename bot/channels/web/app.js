// The web chat: every text from the user or the bot is set with textContent, never parsed as HTML.
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('text');
const sendButton = document.getElementById('send');
const KEY = 'tongce.sessionId';
// the page names its session before it first speaks, so a retried first message lands in the same session
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, '');
let sessionId = localStorage.getItem(KEY) || newId();
localStorage.setItem(KEY, sessionId);
let busy = false;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function citationNode(c) {
  const details = el('details', 'citation');
  const title = c.partTitle ? `《${c.partTitle}》` : `《${c.docTitle}》`;
  details.appendChild(el('summary', '', `${title}${c.docNumber ? `（${c.docNumber}）` : ''} ${c.path}`));
  details.appendChild(el('blockquote', '', c.quote));
  const meta = `${c.issuer} · ${c.date}${c.sourceKind === 'report' ? ' · 新闻报道，非政策文件' : ''}${c.edition ? ` · ${c.edition}` : ''}`;
  details.appendChild(el('div', 'meta', meta));
  return details;
}

/** `reply`: the whole reply the message came in (a verdict's cards carry what it offers). */
function showBot(message, reply = [message]) {
  if (message.verdict) {
    const onAction = (action, label) => send({ action }, label);
    log.appendChild(TongceVerdict.render(message, { citationNode, reportHref: `/api/report?sessionId=${encodeURIComponent(sessionId)}`, reply, onAction }));
    return;
  }
  const box = el('div', 'msg bot', message.text);
  box.dataset.role = 'bot';
  if (message.ask) box.dataset.ask = message.ask.fact;
  if (message.evaluation) box.dataset.verdict = message.evaluation.programmes.map((p) => `${p.id}:${p.outcome}`).join(' ');
  for (const c of message.citations || []) box.appendChild(citationNode(c));
  if (message.buttons && message.buttons.length) {
    const row = el('div', 'buttons');
    for (const b of message.buttons) {
      const button = el('button', 'choice', b.label);
      button.type = 'button';
      button.addEventListener('click', () => send({ action: b.action }, b.label));
      row.appendChild(button);
    }
    box.appendChild(row);
  }
  log.appendChild(box);
}

/** A reply's messages, but those the verdict's cards stand for (its per-programme texts, its offers). */
function showReply(messages) {
  const replaced = TongceVerdict.replaced(messages);
  for (const m of messages) if (!replaced.has(m)) showBot(m, messages);
}

function showUser(text) {
  const box = el('div', 'msg user', text);
  box.dataset.role = 'user';
  log.appendChild(box);
}

async function post(body, attempts = 3) {
  for (let i = 1; ; i++) {
    try {
      const res = await fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const data = await res.json();
      if (!res.ok) throw Object.assign(new Error(data.error || res.statusText), { status: res.status });
      return data;
    } catch (e) {
      // a network failure is retried with the same messageId, so the message is applied once
      if (i >= attempts || (e.status && e.status < 500 && e.status !== 429)) throw e;
      await new Promise((r) => setTimeout(r, 400 * i));
    }
  }
}

async function send(payload, shown) {
  if (busy) return;
  busy = true;
  sendButton.disabled = true;
  if (shown) showUser(shown);
  const messageId = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
  try {
    const data = await post({ ...payload, sessionId, messageId });
    sessionId = data.sessionId;
    localStorage.setItem(KEY, sessionId);
    showReply(data.messages);
  } catch (e) {
    log.appendChild(el('div', 'msg bot error', `发送失败：${e.message}。请稍后重试。`));
  } finally {
    busy = false;
    sendButton.disabled = false;
    log.scrollTop = log.scrollHeight;
    window.scrollTo(0, document.body.scrollHeight);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send({ text }, text);
});

// staff replies to a ticket arrive between turns: look for them now and then
setInterval(async () => {
  if (!sessionId || busy || document.hidden) return;
  try {
    const res = await fetch(`/api/messages?sessionId=${encodeURIComponent(sessionId)}`);
    if (!res.ok) return;
    const data = await res.json();
    for (const m of data.messages) showBot(m);
    if (data.messages.length) window.scrollTo(0, document.body.scrollHeight);
  } catch {
    // offline for a moment: the next poll tries again
  }
}, 10000);

document.getElementById('restart').addEventListener('click', () => send({ action: 'restart' }, '重新开始'));

// a reload shows the conversation so far and carries on where it was; a new visitor gets the welcome
async function start() {
  try {
    const res = await fetch(`/api/history?sessionId=${encodeURIComponent(sessionId)}`);
    const data = res.ok ? await res.json() : { entries: [] };
    // a session can exist with nothing said in it yet (facts filled in by staff, say): welcome it like a new one
    const said = data.entries.some((e) => (e.role === 'user' ? Boolean(e.text) : e.messages.length > 0));
    if (said) {
      for (const e of data.entries) {
        if (e.role === 'user') {
          if (e.text) showUser(e.text);
        } else showReply(e.messages);
      }
      window.scrollTo(0, document.body.scrollHeight);
      return;
    }
  } catch {
    // no history to show: start afresh
  }
  send({ action: 'help' });
}

start();
