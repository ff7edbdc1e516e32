// Verdict cards: one compact card per programme, the reason first, everything else behind a disclosure.
// Built with DOM methods only: every text (the user's included) is set as text, never parsed as markup.
window.TongceVerdict = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const OUTCOME = { eligible: '符合', ineligible: '不符合', undetermined: '尚不能确定' };
  const STATUS = { met: '满足', unmet: '不满足', unknown: '待确认' };
  const KIND = { eligible: 'ok', met: 'ok', ineligible: 'no', unmet: 'no', undetermined: 'open', unknown: 'open' };
  const BENEFIT = { applies: '适用', maybe: '可能适用', no: '不适用' };
  // drawn by the page: an emoji needs a font that many phones and servers lack
  const MARKS = {
    ok: ['M5.6 10.4l3 3 5.8-6.6'],
    no: ['M6.6 6.6l6.8 6.8', 'M13.4 6.6l-6.8 6.8'],
    open: ['M7.6 7.7a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.6', 'M10 14.3v.1'],
  };
  const SHOWN_GAPS = 2;
  const SHOWN_FACTS = 4;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function icon(kind, label) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('class', `icon icon-${kind}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const circle = document.createElementNS(SVG, 'circle');
    circle.setAttribute('cx', '10');
    circle.setAttribute('cy', '10');
    circle.setAttribute('r', '9');
    svg.appendChild(circle);
    for (const d of MARKS[kind]) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    }
    return svg;
  }

  function line(className, label, text) {
    const p = el('p', className);
    p.appendChild(el('b', '', label));
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function disclosure(className, summary) {
    const details = el('details', className);
    details.appendChild(el('summary', '', summary));
    return details;
  }

  function conditionItem(l, citations, citationNode) {
    const li = el('li', `cond ${l.status}`);
    li.dataset.condition = l.id;
    const head = el('div', 'cond-head');
    head.appendChild(icon(KIND[l.status], STATUS[l.status]));
    if (l.number) head.appendChild(el('b', 'cond-number', l.number));
    head.appendChild(el('span', '', l.text));
    li.appendChild(head);
    li.appendChild(el('div', 'cond-detail', l.detail));
    if (l.gap) li.appendChild(el('div', 'cond-gap', l.gap));
    for (const c of citations) li.appendChild(citationNode(c));
    return li;
  }

  /** Every condition, grouped as the reason reads them, with the facts still open and the notes: nothing dropped. */
  function everything(card, programme, citationNode) {
    const count = card.deciding.length + card.otherRoutes.length + card.rest.length;
    const details = disclosure('vcard-more', `展开全部（${count} 项条件、依据条款）`);
    const citationsOf = new Map(programme.conditions.map((c) => [c.id, c.citations]));
    const groups = [['决定结论的条件', card.deciding], ['其他途径', card.otherRoutes], ['其余条件', card.rest]];
    for (const [title, lines] of groups) {
      if (!lines.length) continue;
      details.appendChild(el('h4', '', title));
      const list = el('ul', 'conds');
      for (const l of lines) list.appendChild(conditionItem(l, citationsOf.get(l.id) || [], citationNode));
      details.appendChild(list);
    }
    if (programme.score) {
      const s = programme.score;
      details.appendChild(el('p', 'vcard-note', `评分：${s.min === s.max ? s.min : `${s.min}–${s.max}`} 分（合格线 ${s.pass} 分）`));
    }
    if (card.youCanTell.length > SHOWN_FACTS) details.appendChild(line('vcard-note', '您还可以告诉我：', card.youCanTell.join('、')));
    // ruled out: what it takes to know whether the other conditions hold (evaluations before the field have none)
    if ((card.toCheck || []).length) details.appendChild(line('vcard-note', '其余条件还需核实：', card.toCheck.join('、')));
    for (const n of programme.notes) details.appendChild(el('p', 'vcard-note', `注：${n}`));
    return details;
  }

  function programmeCard(card, programme, citationNode, offer, onAction) {
    const article = el('article', `vcard ${card.outcome}`);
    article.dataset.programme = card.id;
    article.dataset.outcome = card.outcome;
    const head = el('div', 'vcard-head');
    head.appendChild(icon(KIND[card.outcome], OUTCOME[card.outcome]));
    head.appendChild(el('span', 'vcard-title', card.title));
    head.appendChild(el('span', 'vcard-outcome', OUTCOME[card.outcome]));
    article.appendChild(head);
    article.appendChild(el('p', 'vcard-reason', card.headline));
    if (card.gaps.length) {
      const gaps = el('ul', 'vcard-gaps');
      // a condition still unknown is a gap only when at risk on the figures known: said so
      for (const g of card.gaps.slice(0, SHOWN_GAPS)) gaps.appendChild(el('li', g.status === 'unknown' ? 'at-risk' : '', `${g.number ? `${g.number} ` : ''}${g.status === 'unknown' ? '有风险：' : ''}${g.gap}`));
      if (card.gaps.length > SHOWN_GAPS) gaps.appendChild(el('li', 'vcard-more-gaps', `另有 ${card.gaps.length - SHOWN_GAPS} 项差距，见“展开全部”`));
      article.appendChild(gaps);
    }
    if (card.youCanTell.length) {
      const more = card.youCanTell.length > SHOWN_FACTS ? `等 ${card.youCanTell.length} 项` : '';
      article.appendChild(line('vcard-tell', '您还可以告诉我：', card.youCanTell.slice(0, SHOWN_FACTS).join('、') + more));
    }
    if (card.expertsDecide.length) article.appendChild(line('vcard-experts', '由专家评审决定：', card.expertsDecide.join('；')));
    if (card.estimate) article.appendChild(line('vcard-experts', '估算：', card.estimate));
    if (card.final) article.appendChild(el('p', 'vcard-final', '决定结论的条件无法通过补足改变。'));
    if (offer) article.appendChild(offerNode(offer, onAction));
    if (card.nextStep) article.appendChild(line('vcard-next', '下一步：', card.nextStep));
    article.appendChild(everything(card, programme, citationNode));
    return article;
  }

  /** The dialog's offer to check a ruled-out programme's other conditions: what they lack, and its button. */
  function offerNode(offer, onAction) {
    const p = el('p', 'vcard-offer');
    p.appendChild(el('span', '', offer.text));
    for (const b of offer.buttons) {
      // the card names its programme already: the button says what it does, its accessible name says it all
      const button = el('button', 'choice', '继续核对其他条件');
      button.type = 'button';
      button.setAttribute('aria-label', b.label);
      button.addEventListener('click', () => onAction(b.action, b.label));
      p.appendChild(button);
    }
    return p;
  }

  /** A reply's message offering to check this programme further (action continue:<id>), if any. */
  const offerFor = (messages, id) => messages.find((m) => !m.ask && (m.buttons || []).some((b) => b.action === `continue:${id}`));

  /** Benefits, parks and the roadmap, each folded, with the citations they rest on. */
  function extras(message, citationNode) {
    const e = message.evaluation;
    const row = el('div', 'verdict-extras');
    const benefits = e.benefits.filter((b) => b.status !== 'no');
    const sections = [
      ['支持政策', benefits, (b) => `${b.expired ? `已到期（${b.period}）` : BENEFIT[b.status]}｜${b.title}（${b.jurisdiction}）：${b.reason}`],
      ['特色园区', e.parks, (p) => `${p.park}（${p.region}）：${p.directions}`],
      ['路线图', e.roadmap, (s) => `${s.step}. ${s.plainly}${s.actions.length ? `：${s.actions.join('；')}` : ''}`],
    ];
    for (const [title, items, text] of sections) {
      if (!items.length) continue;
      const details = disclosure('verdict-extra', `${title}（${items.length}）`);
      const list = el('ul', '');
      for (const item of items) {
        const li = el('li', '', text(item));
        for (const c of item.citations || []) li.appendChild(citationNode(c));
        list.appendChild(li);
      }
      details.appendChild(list);
      row.appendChild(details);
    }
    return row;
  }

  /**
   * The message's verdict as cards; `reportHref` downloads the report to keep. `reply` is the whole reply it came in:
   * a card carries the offer made there for its programme, whose button calls `onAction(action, label)`.
   */
  function render(message, { citationNode, reportHref, reply = [], onAction = () => {} }) {
    const e = message.evaluation;
    const section = el('section', 'msg bot verdict');
    section.dataset.role = 'bot';
    section.dataset.verdict = message.verdict.cards.map((c) => `${c.id}:${c.outcome}`).join(' ');
    const cards = el('div', 'verdict-cards');
    for (const card of message.verdict.cards) {
      const programme = e.programmes.find((p) => p.id === card.id);
      if (programme) cards.appendChild(programmeCard(card, programme, citationNode, offerFor(reply, card.id), onAction));
    }
    section.appendChild(cards);
    section.appendChild(extras(message, citationNode));
    const save = el('a', 'save-report', '保存报告');
    save.href = reportHref;
    save.setAttribute('download', `tongce-report-${e.asOf}.html`);
    section.appendChild(save);
    return section;
  }

  /**
   * Messages of one reply that a verdict's cards stand for: the per-programme texts naming a programme shown, and
   * the offers to check one further (the card carries those).
   */
  function replaced(messages) {
    const covered = new Set();
    messages.forEach((m, i) => {
      if (!m.verdict) return;
      const titles = m.evaluation.programmes.filter((p) => m.verdict.programmes.includes(p.id)).map((p) => `【${p.title}】`);
      for (const earlier of messages.slice(0, i)) if (!earlier.ask && titles.some((t) => earlier.text.includes(t))) covered.add(earlier);
      for (const id of m.verdict.programmes) {
        const offer = offerFor(messages.slice(0, i), id);
        if (offer) covered.add(offer);
      }
    });
    return covered;
  }

  return { render, replaced };
})();
