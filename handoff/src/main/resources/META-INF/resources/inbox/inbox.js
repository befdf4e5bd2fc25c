'use strict';
/* The agent inbox: the queue (live over server-sent events), one conversation, and the keyboard. */
(function () {
  var API = '/api/v1/inbox';
  var t = I18n.t;
  var state = { me: null, scope: 'open', tickets: [], selected: null, detail: null, editingDraft: false, live: false,
    canned: [], cannedUsed: null, cannedAll: [], marking: null, groups: [], group: null, renderedGroup: undefined,
    renderedLanguage: null };
  // Scopes that show a page of their own instead of the queue and a ticket.
  var PAGES = ['metrics', 'canned', 'knowledge'];
  function isPage(scope) { return PAGES.indexOf(scope) >= 0; }
  var $ = function (id) { return document.getElementById(id); };

  // --- API -------------------------------------------------------------------------------------------
  function call(method, path, body) {
    var options = { method: method, headers: { 'Accept': 'application/json, application/problem+json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(API + path, options).then(function (res) {
      if (res.redirected && res.url.indexOf('/inbox/login.html') >= 0 || res.status === 401) {
        location.href = '/inbox/login.html';
        throw new Error('signed out');
      }
      if (!res.ok) {
        // RFC 9457 problem details: error is the code the toasts translate, detail the text for people.
        return res.json().catch(function () { return {}; }).then(function (problem) {
          var error = new Error(problem.detail || problem.title || res.statusText);
          error.code = problem.error;
          throw error;
        });
      }
      return res.status === 204 ? null : res.json();
    });
  }

  function toast(text) {
    var el = $('toast');
    el.textContent = text;
    el.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { el.hidden = true; }, 3500);
  }

  function failed(error) {
    toast(error.code && t('error.' + error.code) !== 'error.' + error.code ? t('error.' + error.code) : t('error.generic'));
  }

  // --- helpers ---------------------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function since(iso) {
    if (!iso) { return ''; }
    var s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) { return s + t('time.s'); }
    if (s < 3600) { return Math.floor(s / 60) + t('time.m'); }
    if (s < 86400) { return Math.floor(s / 3600) + t('time.h') + ' ' + Math.floor(s % 3600 / 60) + t('time.m'); }
    return Math.floor(s / 86400) + t('time.d');
  }

  function clock(iso) {
    if (!iso) { return ''; }
    return new Date(iso).toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'zh-TW',
      { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    var s = Math.round(seconds);
    if (s < 60) { return s + ' ' + t('time.s'); }
    if (s < 3600) { return Math.floor(s / 60) + ' ' + t('time.m') + ' ' + (s % 60) + ' ' + t('time.s'); }
    return Math.floor(s / 3600) + ' ' + t('time.h') + ' ' + Math.floor(s % 3600 / 60) + ' ' + t('time.m');
  }

  function percent(value) {
    return value === null || value === undefined ? '—' : Math.round(value * 1000) / 10 + '%';
  }

  function customerName(ticket) {
    return ticket.customerName || ticket.customerRef || (ticket.channel === 'email' ? 'Email' : 'LINE');
  }

  // --- me, presence, global bot switch -------------------------------------------------------------
  function loadMe() {
    return call('GET', '/me').then(function (me) {
      state.me = me;
      $('me').textContent = me.name;
      $('away-toggle').checked = me.away;
      var supervisor = me.roles.indexOf('supervisor') >= 0;
      $('bot-status').textContent = me.botPaused ? t('bot.paused') : t('bot.on');
      $('bot-status').classList.toggle('paused', me.botPaused);
      $('bot-switch').hidden = !supervisor;
      $('canned-tab').hidden = !supervisor;
      $('knowledge-tab').hidden = !supervisor;
      $('bot-switch').textContent = me.botPaused ? t('bot.resumeAll') : t('bot.pauseAll');
    });
  }

  $('away-toggle').addEventListener('change', function (e) {
    call('POST', '/me/away', { away: e.target.checked }).then(loadMe).catch(failed);
  });
  $('bot-switch').addEventListener('click', function () {
    call('POST', state.me.botPaused ? '/bot/resume' : '/bot/pause').then(loadMe).catch(failed);
  });
  $('signout').addEventListener('click', function () {
    call('POST', '/logout').catch(function () { return null; }).then(function () { location.href = '/inbox/login.html'; });
  });

  // --- queue -----------------------------------------------------------------------------------------
  function loadQueue() {
    if (state.scope === 'metrics') { return loadMetrics(); }
    if (state.scope === 'canned') { return loadCannedAdmin(); }
    if (state.scope === 'knowledge') { return loadKnowledge(); }
    return call('GET', '/tickets?scope=' + state.scope).then(function (tickets) {
      state.tickets = tickets;
      renderQueue();
    }).catch(failed);
  }

  function renderQueue() {
    var list = $('queue');
    list.textContent = '';
    if (state.scope === 'open') {
      $('open-count').textContent = state.tickets.length || '';
    }
    state.tickets.forEach(function (ticket) {
      var item = el('li');
      item.dataset.ticketId = ticket.id;
      item.tabIndex = -1;
      item.classList.toggle('selected', ticket.id === state.selected);
      var row1 = el('div', 'row1');
      row1.appendChild(el('span', 'name', customerName(ticket)));
      row1.appendChild(el('span', 'wait', ticket.state === 'closed' ? clock(ticket.closedAt) : since(ticket.createdAt)));
      item.appendChild(row1);
      item.appendChild(el('div', 'preview', ticket.preview || ''));
      var row3 = el('div', 'row3');
      if (ticket.priority < 2) { row3.appendChild(el('span', 'badge p' + ticket.priority, t('prio.' + ticket.priority))); }
      row3.appendChild(el('span', 'badge state-' + ticket.state, t('state.' + ticket.state)));
      row3.appendChild(el('span', 'badge', ticket.queue));
      if (ticket.draftPending) { row3.appendChild(el('span', 'badge draft', t('draft.title'))); }
      if (ticket.agent) { row3.appendChild(el('span', 'badge', ticket.agent)); }
      if (ticket.rating) { row3.appendChild(el('span', 'badge', '★ ' + ticket.rating)); }
      item.appendChild(row3);
      item.addEventListener('click', function () { select(ticket.id); });
      list.appendChild(item);
    });
    var empty = $('queue-empty');
    empty.hidden = state.tickets.length > 0;
    empty.textContent = state.scope === 'closed' ? t('queue.emptyClosed') : t('queue.empty');
  }

  document.querySelectorAll('.tab').forEach(function (tab) {
    tab.addEventListener('click', function () { switchScope(tab.dataset.scope); });
  });

  function switchScope(scope) {
    state.scope = scope;
    document.querySelectorAll('.tab').forEach(function (tab) { tab.classList.toggle('current', tab.dataset.scope === scope); });
    $('metrics').hidden = scope !== 'metrics';
    $('canned-admin').hidden = scope !== 'canned';
    $('knowledge').hidden = scope !== 'knowledge';
    $('queue').hidden = isPage(scope);
    if (isPage(scope)) {
      $('ticket').hidden = true;
      $('no-ticket').hidden = true;
      $('context').hidden = true;
      $('queue-empty').hidden = true;
      document.querySelector('.layout').classList.add('no-context');
    } else {
      renderTicket();
    }
    loadQueue();
  }

  // --- one ticket -----------------------------------------------------------------------------------
  function select(id) {
    state.selected = id;
    state.editingDraft = false;
    state.cannedUsed = null;
    state.marking = null;
    closePicker();
    loadCanned(id);
    document.querySelectorAll('#queue li').forEach(function (li) {
      li.classList.toggle('selected', li.dataset.ticketId === id);
      if (li.dataset.ticketId === id) { li.scrollIntoView({ block: 'nearest' }); }
    });
    return loadTicket();
  }

  function loadTicket() {
    if (!state.selected) { state.detail = null; renderTicket(); return Promise.resolve(); }
    return call('GET', '/tickets/' + encodeURIComponent(state.selected)).then(function (detail) {
      state.detail = detail;
      renderTicket();
    }).catch(failed);
  }

  function renderTicket() {
    var detail = state.detail;
    var show = !!detail && !isPage(state.scope);
    $('ticket').hidden = !show;
    $('no-ticket').hidden = show || isPage(state.scope);
    $('context').hidden = !show;
    document.querySelector('.layout').classList.toggle('no-context', !show);
    if (!show) { return; }
    var ticket = detail.ticket;
    var open = ticket.state !== 'closed';
    $('ticket-title').textContent = customerName(ticket) + (ticket.vip ? ' · VIP' : '');
    var meta = $('ticket-meta');
    meta.textContent = '';
    [t('state.' + ticket.state), ticket.channel.toUpperCase(), ticket.queue,
      t('ticket.agent') + ': ' + (ticket.agent || t('ticket.unassigned')),
      t('ticket.reason') + ': ' + (ticket.reason || '—'),
      open ? t('ticket.waited') + ' ' + since(ticket.createdAt) : clock(ticket.closedAt)].forEach(function (text) {
      meta.appendChild(el('span', null, text));
    });
    if (ticket.outOfHours) { meta.appendChild(el('span', 'badge state-waiting', t('ticket.outOfHours'))); }
    if (ticket.waitingNoticeSent) { meta.appendChild(el('span', 'badge', t('ticket.waitingNotice'))); }
    if (detail.botPaused) { meta.appendChild(el('span', 'badge p1', t('ticket.botPaused'))); }
    if (ticket.rating) { meta.appendChild(el('span', 'badge', t('ticket.rating') + ' ★ ' + ticket.rating)); }
    else if (detail.ratingDueAt) { meta.appendChild(el('span', 'badge', t('ticket.ratingPending'))); }

    var mine = state.me && ticket.agent === state.me.name;
    $('take-button').hidden = !open || mine;
    $('close-button').hidden = !open;
    $('pause-button').textContent = detail.botPaused ? t('ticket.resume') : t('ticket.pause');
    $('reply-form').hidden = !open;

    var messages = $('messages');
    messages.textContent = '';
    timeline(detail).forEach(function (entry) {
      messages.appendChild(entry.note ? noteItem(entry.note) : messageItem(entry.message));
    });
    messages.scrollTop = messages.scrollHeight;

    var draftPending = open && detail.draftText && detail.draftState === 'pending';
    $('draft').hidden = !draftPending;
    if (draftPending) {
      $('draft-text').textContent = detail.draftText;
      $('draft-text').hidden = state.editingDraft;
      $('draft-editor').hidden = !state.editingDraft;
      $('send-edited-button').hidden = !state.editingDraft;
      $('approve-button').hidden = state.editingDraft;
      $('edit-button').hidden = state.editingDraft;
    }
    renderContext(detail);
  }

  // The ticket's messages and its private notes, by time (a note after the messages of its moment).
  function timeline(detail) {
    var entries = detail.messages.map(function (m, i) { return { at: Date.parse(m.at), order: i, message: m }; })
      .concat((detail.notes || []).map(function (n, i) { return { at: Date.parse(n.at), order: detail.messages.length + i, note: n }; }));
    return entries.sort(function (a, b) { return a.at - b.at || a.order - b.order; });
  }

  function messageItem(m) {
    var item = el('li', 'msg ' + m.kind);
    item.dataset.seq = m.seq;
    var who = m.kind === 'customer' ? t('author.customer') : m.kind === 'system' ? t('author.system') : m.author.replace(/^agent:/, '');
    item.appendChild(el('span', 'who', who + ' · ' + clock(m.at)));
    item.appendChild(el('span', 'text', m.text));
    if (m.kind !== 'customer') {
      var status = m.deliveryStatus || 'pending';
      item.appendChild(el('span', 'delivery ' + status, ' · ' + t('delivery.' + status)));
    }
    return item;
  }

  function noteItem(n) {
    var item = el('li', 'msg note');
    item.dataset.noteId = n.id;
    var who = el('span', 'who');
    who.appendChild(el('span', 'badge private', t('note.private')));
    who.appendChild(document.createTextNode(' ' + n.author + ' · ' + clock(n.at)));
    item.appendChild(who);
    item.appendChild(el('span', 'text', n.text));
    return item;
  }

  // Files the customer sent: a download link once stored (served as a download, never run in the page), a thumbnail
  // for raster images, else why there is none.
  function renderAttachments(files) {
    $('attachments-section').hidden = !files.length;
    var list = $('attachments');
    list.textContent = '';
    files.forEach(function (f) {
      var item = el('li', 'attachment ' + f.state);
      item.dataset.attachmentId = f.id;
      var name = f.name || f.kind || '—';
      if (f.download && /^image\/(jpeg|png|gif|webp)$/.test(f.mediaType || '')) {
        var thumb = document.createElement('img');
        thumb.className = 'thumb';
        thumb.alt = name;
        thumb.src = f.download + '?inline=true';
        item.appendChild(thumb);
      }
      var label = el('div', 'name', name);
      item.appendChild(label);
      item.appendChild(el('div', 'muted', [f.mediaType, size(f.sizeBytes)].filter(Boolean).join(' · ')));
      if (f.download) {
        var link = el('a', 'download', t('attachment.stored'));
        link.href = f.download;
        link.setAttribute('download', f.name || '');
        link.rel = 'noopener';
        item.appendChild(link);
      } else {
        item.appendChild(el('div', 'state', t('attachment.' + f.state)));
      }
      list.appendChild(item);
    });
  }

  function size(bytes) {
    if (bytes === null || bytes === undefined) { return null; }
    if (bytes < 1024) { return bytes + ' B'; }
    return bytes < 1048576 ? Math.round(bytes / 1024) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
  }

  function renderContext(detail) {
    var ticket = detail.ticket;
    var customer = $('customer');
    customer.textContent = '';
    customer.appendChild(el('div', null, customerName(ticket) + (ticket.customerRef ? ' (' + ticket.customerRef + ')' : '')));
    if (ticket.vip) { customer.appendChild(el('span', 'badge p0', 'VIP')); }

    var triage = $('triage');
    triage.textContent = '';
    [ticket.intent, ticket.emotion, ticket.urgency && 'urgency:' + ticket.urgency, ticket.language]
      .concat(detail.triageReasons || []).forEach(function (tag) {
        if (!tag) { return; }
        var hot = tag === 'angry' || tag === 'urgency:high' || tag === 'complaint';
        triage.appendChild(el('span', 'tag' + (hot ? ' hot' : ''), tag));
      });

    var cases = $('cases');
    cases.textContent = '';
    if (detail.caseSummaryStatus === 'unavailable') {
      cases.appendChild(el('p', 'notice', t('cases.unavailable')));
    } else if (detail.caseSummaryStatus === 'unknown_customer') {
      cases.appendChild(el('p', 'muted', t('cases.unknown')));
    } else if (!detail.caseSummary.length) {
      cases.appendChild(el('p', 'muted', t('cases.none')));
    }
    detail.caseSummary.forEach(function (c) {
      var box = el('div', 'case');
      box.appendChild(el('div', 'num', c.number + ' · ' + (c.title || '')));
      box.appendChild(el('div', null, [c.status, c.stage].filter(Boolean).join(' · ')));
      if (c.assignee) { box.appendChild(el('div', 'muted', t('case.assignee') + ': ' + c.assignee)); }
      if (c.nextStep) { box.appendChild(el('div', null, t('case.next') + ': ' + (c.nextStep.date || '') + ' ' + (c.nextStep.description || ''))); }
      if (c.outstandingFee) { box.appendChild(el('div', null, t('case.fee') + ': ' + c.outstandingFee.amount + ' ' + c.outstandingFee.currency)); }
      cases.appendChild(box);
    });

    renderAttachments(detail.attachments || []);

    var history = $('history');
    // A live refresh must not take the agent out of the right answer they are typing.
    var typingFeedback = document.activeElement && document.activeElement.classList.contains('right-answer-text');
    history.textContent = '';
    if (!detail.history || !detail.history.length) { history.appendChild(el('li', 'muted', '—')); }
    var wrong = {};
    (detail.wrongAnswers || []).forEach(function (w) { wrong[w.turn] = w; });
    (detail.history || []).forEach(function (turn, index) {
      var item = el('li');
      item.dataset.turn = index;
      item.appendChild(el('span', 'actor', turn.actor || turn.kind));
      item.appendChild(document.createTextNode(turn.text || ''));
      if (turn.kind === 'answer' && turn.actor === 'bot' && turn.text) { item.appendChild(feedback(index, wrong[index])); }
      history.appendChild(item);
    });
    var answer = history.querySelector('.right-answer-text');
    if (typingFeedback && answer) {
      answer.focus();
      answer.setSelectionRange(answer.value.length, answer.value.length);
    }
  }

  // A bot answer of the history: marked wrong with the right answer, or a button to mark it.
  function feedback(index, marked) {
    var box = el('div', 'feedback');
    if (marked) {
      box.classList.add('marked');
      box.appendChild(el('span', 'badge p1', t('feedback.marked')));
      box.appendChild(el('div', 'right-answer', t('feedback.right') + ': ' + marked.correctAnswer));
      box.appendChild(el('div', 'muted', marked.markedBy + ' · ' + clock(marked.markedAt)));
      return box;
    }
    if (state.marking === null || state.marking.turn !== index) {
      var mark = el('button', 'link mark-wrong', t('feedback.mark'));
      mark.type = 'button';
      mark.addEventListener('click', function () {
        state.marking = { turn: index, text: '' };
        renderContext(state.detail);
        document.querySelector('.right-answer-text').focus();
      });
      box.appendChild(mark);
      return box;
    }
    // The form survives live refreshes: what the agent typed is kept in state.marking.
    var form = el('form', 'feedback-form');
    var text = el('textarea', 'right-answer-text');
    text.rows = 3;
    text.placeholder = t('feedback.placeholder');
    text.value = state.marking.text;
    text.addEventListener('input', function () { state.marking.text = text.value; });
    var save = el('button', 'primary save-wrong', t('feedback.save'));
    save.type = 'submit';
    var cancel = el('button', 'ghost', t('canned.cancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', function () { state.marking = null; renderContext(state.detail); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!text.value.trim()) { toast(t('error.empty_text')); return; }
      act('POST', '/history/' + index + '/wrong', { correctAnswer: text.value }).then(function (detail) {
        if (detail) { state.marking = null; renderContext(detail); }
      });
    });
    form.appendChild(text);
    form.appendChild(save);
    form.appendChild(cancel);
    box.appendChild(form);
    return box;
  }

  // --- actions ---------------------------------------------------------------------------------------
  function act(method, path, body) {
    if (!state.selected) { return Promise.resolve(); }
    return call(method, '/tickets/' + encodeURIComponent(state.selected) + path, body).then(function (detail) {
      state.detail = detail;
      renderTicket();
      loadQueue();
      return detail;
    }).catch(failed);
  }

  function sendReply() {
    var text = $('reply-text').value;
    if (!text.trim()) { toast(t('error.empty_text')); return; }
    $('send-button').disabled = true;
    act('POST', '/reply', { text: text, cannedResponseId: state.cannedUsed }).then(function (detail) {
      if (detail) { $('reply-text').value = ''; state.cannedUsed = null; }
    }).finally(function () { $('send-button').disabled = false; });
  }

  $('reply-form').addEventListener('submit', function (e) { e.preventDefault(); sendReply(); });
  $('reply-text').addEventListener('keydown', function (e) {
    if (pickerKey(e)) { return; }
    // Enter while an input method is composing (Chinese, Japanese) picks a character; it does not send.
    if (e.key === 'Enter' && !e.isComposing && e.keyCode !== 229 && (!e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      sendReply();
    }
  });
  $('note-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('note-text').value;
    if (!text.trim()) { toast(t('error.empty_text')); return; }
    act('POST', '/notes', { text: text }).then(function (detail) {
      if (detail) { $('note-text').value = ''; }
    });
  });
  $('note-text').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); $('note-form').requestSubmit(); }
  });
  $('take-button').addEventListener('click', function () { act('POST', '/take'); });
  $('close-button').addEventListener('click', function () { act('POST', '/close'); });
  $('pause-button').addEventListener('click', togglePause);
  $('approve-button').addEventListener('click', function () { act('POST', '/draft/approve'); });
  $('reject-button').addEventListener('click', function () { act('POST', '/draft/reject'); });
  $('edit-button').addEventListener('click', editDraft);
  $('send-edited-button').addEventListener('click', function () {
    act('POST', '/draft/edit', { text: $('draft-editor').value }).then(function () { state.editingDraft = false; });
  });
  $('draft-editor').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); $('send-edited-button').click(); }
  });

  function togglePause() {
    if (state.detail) { act('POST', state.detail.botPaused ? '/resume' : '/pause'); }
  }

  function editDraft() {
    if (!state.detail || !state.detail.draftText) { return; }
    state.editingDraft = true;
    $('draft-editor').value = state.detail.draftText;
    renderTicket();
    $('draft-editor').focus();
  }

  // --- canned responses in the reply box: "/" and the shortcut, or the button -----------------------------
  var picker = { open: false, items: [], index: 0, start: -1 };

  function loadCanned(ticketId) {
    state.canned = [];
    return call('GET', '/tickets/' + encodeURIComponent(ticketId) + '/canned-responses').then(function (list) {
      if (state.selected !== ticketId) { return; }
      state.canned = list;
      if (picker.open) { openPicker(picker.start < 0); }
    }).catch(function () { state.canned = []; });
  }

  // The "/shortcut" typed just before the caret, at the start of the box or after a space.
  function typedShortcut() {
    var box = $('reply-text');
    var before = box.value.slice(0, box.selectionStart);
    var match = /(^|\s)\/([a-z0-9-]*)$/.exec(before);
    return match ? { start: before.length - match[2].length - 1, prefix: match[2] } : null;
  }

  function openPicker(all) {
    var typed = typedShortcut();
    if (!typed && !all) { closePicker(); return; }
    var prefix = typed ? typed.prefix : '';
    picker.start = typed ? typed.start : -1;
    picker.items = state.canned.filter(function (c) { return c.shortcut.indexOf(prefix) === 0; });
    picker.index = 0;
    picker.open = true;
    renderPicker();
  }

  function renderPicker() {
    var list = $('canned-picker');
    list.textContent = '';
    if (!picker.items.length) { list.appendChild(el('li', 'muted', t('canned.none'))); }
    picker.items.forEach(function (c, i) {
      var item = el('li');
      item.dataset.shortcut = c.shortcut;
      item.setAttribute('role', 'option');
      item.classList.toggle('selected', i === picker.index);
      item.appendChild(el('span', 'shortcut', '/' + c.shortcut));
      item.appendChild(el('span', 'title', c.title));
      item.appendChild(el('span', 'preview', c.text));
      item.addEventListener('mousedown', function (e) { e.preventDefault(); insertCanned(c); });
      list.appendChild(item);
    });
    list.hidden = false;
  }

  function closePicker() {
    picker.open = false;
    $('canned-picker').hidden = true;
  }

  // Puts the filled text in place of the typed "/shortcut", or at the caret.
  function insertCanned(c) {
    var box = $('reply-text');
    var start = picker.start >= 0 ? picker.start : box.selectionStart;
    box.value = box.value.slice(0, start) + c.text + box.value.slice(box.selectionEnd);
    var caret = start + c.text.length;
    box.setSelectionRange(caret, caret);
    state.cannedUsed = c.id;
    closePicker();
    box.focus();
  }

  // Arrows move in the open picker, Enter or Tab inserts, Escape closes it; true when the key was the picker's.
  function pickerKey(e) {
    if (!picker.open || e.isComposing) { return false; }
    var count = picker.items.length;
    if (e.key === 'Escape') { closePicker(); }
    else if (count && e.key === 'ArrowDown') { picker.index = (picker.index + 1) % count; renderPicker(); }
    else if (count && e.key === 'ArrowUp') { picker.index = (picker.index + count - 1) % count; renderPicker(); }
    else if (count && (e.key === 'Enter' || e.key === 'Tab')) { insertCanned(picker.items[picker.index]); }
    else { return false; }
    e.preventDefault();
    e.stopPropagation();
    return true;
  }

  $('reply-text').addEventListener('input', function () { openPicker(false); });
  $('reply-text').addEventListener('blur', closePicker);
  $('canned-button').addEventListener('click', function () {
    if (picker.open) { closePicker(); return; }
    $('reply-text').focus();
    openPicker(true);
  });

  // --- canned responses, kept by supervisors -----------------------------------------------------------
  function loadCannedAdmin() {
    return call('GET', '/canned-responses').then(function (list) {
      state.cannedAll = list;
      renderCannedAdmin();
    }).catch(failed);
  }

  function renderCannedAdmin() {
    var rows = $('canned-rows');
    rows.textContent = '';
    state.cannedAll.forEach(function (c) {
      var row = el('tr');
      row.dataset.cannedId = c.id;
      row.dataset.shortcut = c.shortcut;
      row.appendChild(el('td', null, c.language));
      row.appendChild(el('td', 'shortcut', '/' + c.shortcut));
      row.appendChild(el('td', null, c.title));
      row.appendChild(el('td', 'body', c.body));
      var actions = el('td', 'row-actions');
      var edit = el('button', 'ghost edit', t('canned.edit'));
      edit.type = 'button';
      edit.addEventListener('click', function () { editCanned(c); });
      var remove = el('button', 'danger delete', t('canned.delete'));
      remove.type = 'button';
      remove.addEventListener('click', function () {
        call('DELETE', '/canned-responses/' + c.id).then(loadCannedAdmin).catch(failed);
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
      row.appendChild(actions);
      rows.appendChild(row);
    });
  }

  function editCanned(c) {
    $('canned-id').value = c ? c.id : '';
    $('canned-language').value = c ? c.language : 'zh-Hant';
    $('canned-shortcut').value = c ? c.shortcut : '';
    $('canned-title').value = c ? c.title : '';
    $('canned-body').value = c ? c.body : '';
    $('canned-error').textContent = '';
    if (c) { $('canned-shortcut').focus(); }
  }

  $('canned-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = $('canned-id').value;
    var body = { language: $('canned-language').value, shortcut: $('canned-shortcut').value.trim(),
      title: $('canned-title').value, body: $('canned-body').value };
    call(id ? 'PUT' : 'POST', '/canned-responses' + (id ? '/' + id : ''), body).then(function () {
      editCanned(null);
      return loadCannedAdmin();
    }).catch(function (error) {
      // The problem's detail says what to fix: which placeholder, which shortcut.
      var known = error.code && t('error.' + error.code) !== 'error.' + error.code;
      $('canned-error').textContent = (known ? t('error.' + error.code) + ' ' : '') + error.message;
    });
  });
  $('canned-cancel').addEventListener('click', function () { editCanned(null); });

  // --- knowledge gaps and their drafted articles, for supervisors -------------------------------------
  function loadKnowledge() {
    return call('GET', '/knowledge/groups').then(function (groups) {
      state.groups = groups;
      renderKnowledge();
    }).catch(failed);
  }

  function statusText(g) {
    if (g.status === 'published') { return t('knowledge.published') + ' · ' + g.publishedBy + ' · ' + clock(g.publishedAt); }
    return t('knowledge.status.' + g.status);
  }

  function renderKnowledge() {
    var rows = $('knowledge-rows');
    rows.textContent = '';
    $('knowledge-empty').hidden = state.groups.length > 0;
    state.groups.forEach(function (g) {
      var row = el('tr', g.status);
      row.dataset.groupId = g.id;
      row.classList.toggle('selected', !!state.group && state.group.group.id === g.id);
      var questions = el('td', 'samples');
      g.samples.forEach(function (q, i) { questions.appendChild(el('div', i ? 'muted' : 'sample', q)); });
      row.appendChild(questions);
      row.appendChild(el('td', 'gap-count', String(g.gaps)));
      row.appendChild(el('td', null, g.languages.join(', ')));
      row.appendChild(el('td', null, clock(g.lastSeen)));
      row.appendChild(el('td', 'group-status', statusText(g)));
      row.addEventListener('click', function () { openGroup(g.id); });
      rows.appendChild(row);
    });
    // The list reloads on every live event; the open group is drawn again only when its detail changed (or the
    // language did), so a supervisor's unsaved edits in a draft survive a reload of the list.
    if (state.renderedGroup !== state.group || state.renderedLanguage !== I18n.lang()) { renderGroup(); }
  }

  function openGroup(id) {
    return call('GET', '/knowledge/groups/' + id).then(showGroup).catch(failed);
  }

  function showGroup(detail) {
    state.group = detail;
    var index = state.groups.findIndex(function (g) { return g.id === detail.group.id; });
    if (index >= 0) { state.groups[index] = detail.group; }
    renderKnowledge();
  }

  function renderGroup() {
    state.renderedGroup = state.group;
    state.renderedLanguage = I18n.lang();
    var box = $('knowledge-group');
    box.textContent = '';
    box.hidden = !state.group;
    if (!state.group) { return; }
    var detail = state.group;
    box.dataset.groupId = detail.group.id;
    box.appendChild(el('h3', null, t('knowledge.group') + ' #' + detail.group.id + ' · ' + statusText(detail.group)));
    var asked = el('ul', 'asked');
    detail.questions.forEach(function (q) { asked.appendChild(el('li', null, q.question + ' (' + q.language + ', ' + t('knowledge.reason.' + q.reason) + ', ' + clock(q.askedAt) + ')')); });
    box.appendChild(asked);
    detail.drafts.forEach(function (d) { box.appendChild(draftForm(detail.group.id, d)); });
  }

  function draftForm(groupId, d) {
    var form = el('form', 'canned-form knowledge-draft');
    form.dataset.language = d.language;
    form.dataset.state = d.state;
    var head = el('div', 'wide draft-head');
    head.appendChild(el('strong', null, d.language));
    head.appendChild(el('span', 'pill', t('knowledge.state.' + d.state)));
    head.appendChild(el('span', 'muted', t('knowledge.source.' + d.source)));
    if (d.decidedBy) { head.appendChild(el('span', 'muted decided', d.decidedBy + ' · ' + clock(d.decidedAt))); }
    form.appendChild(head);
    var open = d.state === 'draft';
    function field(label, input) {
      var wrap = el('label', 'wide');
      wrap.appendChild(el('span', null, t(label)));
      input.disabled = !open;
      wrap.appendChild(input);
      form.appendChild(wrap);
      return input;
    }
    var title = field('knowledge.draftTitle', el('input', 'draft-title-input'));
    title.value = d.title;
    var body = field('knowledge.draftBody', el('textarea', 'draft-body-input'));
    body.rows = 6;
    body.value = d.body;
    var tags = field('knowledge.tags', el('input', 'draft-tags-input'));
    tags.value = d.tags.join(', ');
    var error = el('p', 'error wide knowledge-error');
    error.setAttribute('role', 'alert');
    form.appendChild(error);
    if (open) {
      var buttons = el('div', 'wide');
      var edits = function () {
        return { title: title.value, body: body.value, tags: tags.value.split(',').map(function (x) { return x.trim(); }).filter(Boolean) };
      };
      var changed = function () {
        var e = edits();
        return e.title !== d.title || e.body !== d.body || e.tags.join(',') !== d.tags.join(',');
      };
      var path = '/knowledge/groups/' + groupId + '/drafts/' + encodeURIComponent(d.language);
      var shown = function (e) {
        var known = e.code && t('error.' + e.code) !== 'error.' + e.code;
        error.textContent = (known ? t('error.' + e.code) + ' ' : '') + e.message;
      };
      var save = el('button', 'save-draft', t('knowledge.save'));
      save.type = 'submit';
      var approve = el('button', 'primary approve-draft', t('knowledge.approve'));
      approve.type = 'button';
      approve.addEventListener('click', function () {
        // Publishes what the supervisor sees: unsaved changes are saved first.
        (changed() ? call('PUT', path, edits()) : Promise.resolve(null)).then(function (saved) {
          if (saved) { d = saved.drafts.find(function (x) { return x.language === d.language; }); }
          return call('POST', path + '/approve');
        }).then(showGroup).then(loadKnowledge).catch(shown);
      });
      var reject = el('button', 'ghost reject-draft', t('knowledge.reject'));
      reject.type = 'button';
      reject.addEventListener('click', function () { call('POST', path + '/reject').then(showGroup).then(loadKnowledge).catch(shown); });
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        call('PUT', path, edits()).then(showGroup).catch(shown);
      });
      [save, approve, reject].forEach(function (b) { buttons.appendChild(b); });
      form.appendChild(buttons);
    }
    return form;
  }

  // --- metrics ---------------------------------------------------------------------------------------
  function loadMetrics() {
    return call('GET', '/metrics').then(function (m) {
      var box = $('metrics');
      box.textContent = '';
      box.appendChild(el('h2', null, t('metrics.title')));
      var cards = el('div', 'cards');
      [['metrics.firstResponse', duration(m.avgFirstResponseSeconds)], ['metrics.timeToAgent', duration(m.avgTimeToAgentSeconds)],
        ['metrics.handoffRate', percent(m.handoffRate)], ['metrics.automationRate', percent(m.automationRate)],
        ['metrics.csat', m.csatAverage === null ? '—' : m.csatAverage.toFixed(2) + ' / 5'],
        ['metrics.satisfied', percent(m.csatSatisfied)], ['metrics.ratings', m.ratings], ['metrics.tickets', m.tickets],
        ['metrics.conversations', m.conversations], ['metrics.notes', m.notes], ['metrics.markedWrong', m.answersMarkedWrong],
        ['metrics.knowledgeGaps', m.knowledgeGaps], ['metrics.gapRate', percent(m.gapRate)],
        ['metrics.articlesPublished', m.articlesPublished], ['metrics.cannedUsed', m.cannedResponsesUsed],
        ['metrics.open', Object.keys(m.openByState).map(function (k) { return m.openByState[k]; }).reduce(function (a, b) { return a + b; }, 0)]
      ].forEach(function (pair) {
        var card = el('div', 'card');
        card.dataset.metric = pair[0];
        card.appendChild(el('div', 'label', t(pair[0])));
        card.appendChild(el('div', 'value', String(pair[1])));
        cards.appendChild(card);
      });
      box.appendChild(cards);
      var ratings = el('div', 'card');
      ratings.appendChild(el('div', 'label', t('metrics.csat')));
      var bars = el('div', 'bars');
      var max = Math.max.apply(null, Object.keys(m.ratingCounts).map(function (k) { return m.ratingCounts[k]; }).concat([1]));
      Object.keys(m.ratingCounts).forEach(function (score) {
        var bar = el('div');
        bar.style.height = (m.ratingCounts[score] / max * 100) + '%';
        bar.title = score + ': ' + m.ratingCounts[score];
        bar.appendChild(el('span', null, '★' + score));
        bars.appendChild(bar);
      });
      ratings.appendChild(bars);
      ratings.style.marginTop = '12px';
      ratings.style.paddingBottom = '28px';
      box.appendChild(ratings);
      var gaps = el('div', 'card top-gaps');
      gaps.dataset.metric = 'metrics.topGaps';
      gaps.style.marginTop = '12px';
      gaps.appendChild(el('div', 'label', t('metrics.topGaps')));
      var top = el('ol');
      (m.topGapGroups || []).forEach(function (g) {
        var item = el('li', null, g.sample + ' ');
        item.appendChild(el('span', 'count', '×' + g.gaps));
        top.appendChild(item);
      });
      if (!(m.topGapGroups || []).length) { top.appendChild(el('li', 'muted', '—')); }
      gaps.appendChild(top);
      box.appendChild(gaps);
    }).catch(failed);
  }

  // --- live updates ----------------------------------------------------------------------------------
  var refreshTimer = null;
  function refreshSoon(ticketId) {
    if (ticketId && ticketId === state.selected) { loadTicket(); }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(loadQueue, 150);
  }

  function alertSupervisor(ticketId) {
    if (!state.me || state.me.roles.indexOf('supervisor') < 0) { return; }
    var box = el('div', 'alert', t('alert.priority'));
    box.addEventListener('click', function () { box.remove(); switchScope('open'); select(ticketId); });
    $('alerts').appendChild(box);
    setTimeout(function () { box.remove(); }, 15000);
  }

  function connect() {
    var source = new EventSource(API + '/stream');
    source.onopen = function () {
      state.live = true;
      renderLive();
      loadQueue();
    };
    source.onmessage = function (e) {
      var event = JSON.parse(e.data);
      if (event.type === 'ping') { return; }
      if (event.type === 'bot') { loadMe(); return; }
      if (event.type === 'alert') { alertSupervisor(event.ticketId); }
      refreshSoon(event.ticketId);
    };
    source.onerror = function () {
      state.live = false;
      renderLive();
    };
  }

  function renderLive() {
    $('live-status').textContent = state.live ? '● ' + t('live.connected') : '○ ' + t('live.reconnecting');
    $('live-status').classList.toggle('down', !state.live);
  }

  // --- keyboard --------------------------------------------------------------------------------------
  function move(step) {
    if (!state.tickets.length) { return; }
    var index = state.tickets.findIndex(function (x) { return x.id === state.selected; });
    var next = index < 0 ? 0 : Math.min(state.tickets.length - 1, Math.max(0, index + step));
    select(state.tickets[next].id);
  }

  document.addEventListener('keydown', function (e) {
    var typing = /^(TEXTAREA|INPUT|SELECT)$/.test(e.target.tagName);
    if (e.key === 'Escape') { if (typing) { e.target.blur(); } return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || $('help').open) { return; }
    var draftOpen = !$('draft').hidden;
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'r': if (!$('reply-form').hidden && !$('ticket').hidden) { e.preventDefault(); $('reply-text').focus(); } break;
      case 't': if (!$('take-button').hidden) { $('take-button').click(); } break;
      case 'a': if (draftOpen) { $('approve-button').click(); } break;
      case 'e': if (draftOpen) { e.preventDefault(); editDraft(); } break;
      case 'x': if (draftOpen) { $('reject-button').click(); } break;
      case 'c': if (!$('close-button').hidden && !$('ticket').hidden) { $('close-button').click(); } break;
      case 'p': if (!$('ticket').hidden) { togglePause(); } break;
      case '?': $('help').showModal(); break;
      default: return;
    }
  });
  $('help-button').addEventListener('click', function () { $('help').showModal(); });

  // --- language --------------------------------------------------------------------------------------
  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { I18n.set(b.dataset.lang); });
  });
  document.addEventListener('langchange', function () {
    loadMe();
    renderLive();
    renderQueue();
    renderTicket();
    if (state.scope === 'metrics') { loadMetrics(); }
    if (state.scope === 'canned') { renderCannedAdmin(); }
    if (state.scope === 'knowledge') { renderKnowledge(); }
  });

  // Waiting times move on without events.
  setInterval(function () { if (state.scope === 'open') { renderQueue(); } }, 15000);

  I18n.apply();
  loadMe().then(function () { connect(); loadQueue(); });
})();
