// CaseDesk LINE simulator page: write as a demo customer or a stranger, watch the bot's and the agents'
// answers arrive over Server-Sent Events (GET /simulator/events). No build step, no dependencies.
'use strict';

const TEXTS = {
  'zh-Hant': {
    title: 'LINE 模擬器',
    subtitle: 'CaseDesk 本機環境',
    writeAs: '以誰的身分傳訊息',
    strangers: '陌生人（沒有案件）',
    newStranger: '＋ 新的陌生人',
    stranger: '陌生人',
    tryAsking: '試著問',
    webhookTo: 'Webhook 送往',
    terminalHint: '也可以在終端機：',
    emoji: '表情符號',
    stickers: '貼圖',
    keysHint: 'Enter 送出 · Shift+Enter 換行',
    placeholder: '輸入訊息',
    chattingAs: (who) => `你正以「${who}」的身分聊天`,
    empty: (bot) => `這是你和 ${bot} 的聊天。\n輸入訊息，或點左邊的範例問題。`,
    live: '即時連線中',
    connecting: '連線中…',
    reconnecting: '重新連線中…',
    down: '模擬器沒有回應',
    bot: '自動回覆',
    agent: '專人',
    reply: '回覆',
    push: '推播',
    replyTitle: '用 reply token 回覆',
    pushTitle: '以推播送出（reply token 已過期，或是之後才送出的訊息）',
    sticker: '貼圖',
    otherMessage: (type) => `[${type} 訊息]`,
    today: '今天',
    notDelivered: '未送達',
    rejected: (status) => `機器人拒收了這則訊息（HTTP ${status}）。\n請確認模擬器與 ingress-line 使用相同的 channel secret。`,
    unreachable: (url) => `無法連到機器人的 webhook（${url}）。\nCaseDesk 有在執行嗎？用 ./casedesk status 查看，或 ./casedesk up 啟動。`,
    simulatorDown: 'LINE 模擬器本身沒有回應。它還在執行嗎？',
    badRequest: (message) => `模擬器不接受這個請求：${message}`,
    langs: { 'zh-Hant': '繁中', 'zh-Hans': '简中', en: 'EN' },
  },
  en: {
    title: 'LINE simulator',
    subtitle: 'CaseDesk local stack',
    writeAs: 'Write as',
    strangers: 'Strangers (no case)',
    newStranger: '+ New stranger',
    stranger: 'Stranger',
    tryAsking: 'Try asking',
    webhookTo: 'Webhooks go to',
    terminalHint: 'From a terminal:',
    emoji: 'Emoji',
    stickers: 'Stickers',
    keysHint: 'Enter sends · Shift+Enter new line',
    placeholder: 'Type a message',
    chattingAs: (who) => `You are chatting as ${who}`,
    empty: (bot) => `This is your chat with ${bot}.\nType a message or pick an example question on the left.`,
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    down: 'The simulator does not answer',
    bot: 'bot',
    agent: 'agent',
    reply: 'reply',
    push: 'push',
    replyTitle: 'Sent with the reply token',
    pushTitle: 'Pushed (the reply token had expired, or the message came later)',
    sticker: 'sticker',
    otherMessage: (type) => `[${type} message]`,
    today: 'Today',
    notDelivered: 'Not delivered',
    rejected: (status) => `The bot refused this message (HTTP ${status}).\nDo the simulator and ingress-line use the same channel secret?`,
    unreachable: (url) => `The bot's webhook (${url}) cannot be reached.\nIs CaseDesk running? Check with ./casedesk status, start it with ./casedesk up.`,
    simulatorDown: 'The LINE simulator itself does not answer. Is it still running?',
    badRequest: (message) => `The simulator refused the request: ${message}`,
    langs: { 'zh-Hant': '繁中', 'zh-Hans': '简中', en: 'EN' },
  },
};

const SCENARIOS = [
  { lang: 'zh-Hant', label: '繁體中文', questions: ['我的案件進度如何？', '下次開庭是什麼時候？', '律師費怎麼計算？', '我要找真人', '謝謝！🙏'] },
  { lang: 'en', label: 'English', questions: ['Where is my case?', 'When is my next hearing?', 'How are your fees calculated?', 'I want to talk to a person'] },
  { lang: 'zh-Hans', label: '简体中文', questions: ['我的案件进度怎么样？', '我要找真人律师'] },
];

const EMOJI = ['😀', '😊', '🙏', '👍', '🙇', '😢', '😡', '🤔', '❤️', '🎉', '⚖️', '📄', '📅', '☎️'];

// LINE's free sticker packages; the page draws them as emoji, since the real images are not on this machine.
const STICKERS = [
  { packageId: '11537', stickerId: '52002734', art: '🙆', label: 'OK' },
  { packageId: '11537', stickerId: '52002735', art: '🙏', label: 'Thanks' },
  { packageId: '11537', stickerId: '52002736', art: '😄', label: 'Happy' },
  { packageId: '11537', stickerId: '52002739', art: '😭', label: 'Crying' },
  { packageId: '11537', stickerId: '52002744', art: '😠', label: 'Angry' },
  { packageId: '11537', stickerId: '52002745', art: '🤔', label: 'Hmm' },
  { packageId: '11538', stickerId: '51626494', art: '👋', label: 'Hello' },
  { packageId: '11538', stickerId: '51626501', art: '👍', label: 'Good' },
];

const STRANGER_PREFIX = 'Uffffffffffffffffffffffffffffff';
const AVATAR_COLOURS = ['#e57373', '#f06292', '#ba68c8', '#7986cb', '#4fc3f7', '#4db6ac', '#81c784', '#ffb74d', '#a1887f', '#90a4ae'];

const state = {
  lang: null,
  info: { botName: 'CaseDesk', webhookUrl: null, users: [] },
  strangers: [],
  current: null,           // { userId, name, ref, language, stranger }
  chats: new Map(),        // userId -> ChatEvent[]
  failed: new Map(),       // customer event id -> undelivered event
  typingUntil: new Map(),  // userId -> epoch millis
  unread: new Map(),       // userId -> count
  lastEventId: 0,
  run: null,
  source: null,
  pending: [],             // { userId, text, element }
  scenarioLang: null,      // which example questions show
  shown: new Set(),        // event ids already on screen: only new ones animate in
  loadedAt: Date.now(),
  sending: false,
};

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const value = TEXTS[state.lang][key];
  return typeof value === 'function' ? value(...args) : value;
};

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function colourOf(text) {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}

const initialOf = (name) => Array.from(name || '?')[0].toUpperCase();

// ---------- identities ----------

function loadStrangers() {
  let saved = [];
  try { saved = JSON.parse(localStorage.getItem('casedesk.strangers') || '[]'); } catch (e) { saved = []; }
  const fixed = [STRANGER_PREFIX + '00', STRANGER_PREFIX + '01'];
  state.strangers = [...new Set([...fixed, ...saved.filter((id) => /^U[0-9a-f]{32}$/.test(id))])];
}

function newStranger() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = 'U' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  state.strangers.push(id);
  localStorage.setItem('casedesk.strangers', JSON.stringify(state.strangers.slice(2)));
  renderPeople();
  select(strangerIdentity(id));
}

function strangerIdentity(userId) {
  const index = state.strangers.indexOf(userId);
  const letter = index >= 0 && index < 26 ? String.fromCharCode(65 + index) : userId.slice(-4);
  return { userId, name: `${t('stranger')} ${letter}`, ref: null, language: null, stranger: true };
}

function identities() {
  const customers = state.info.users.map((u) => ({
    userId: u.userId, name: u.displayName || u.userId, ref: u.customerRef, language: u.language, stranger: false,
  }));
  return [...customers, ...state.strangers.map(strangerIdentity)];
}

function identityOf(userId) {
  return identities().find((i) => i.userId === userId) || strangerIdentity(userId);
}

function scenarioLanguageFor(identity) {
  return SCENARIOS.some((g) => g.lang === identity?.language) ? identity.language : state.lang;
}

function isUnknownUser(userId) {
  return /^U[0-9a-f]{32}$/.test(userId) && !state.strangers.includes(userId)
    && !state.info.users.some((u) => u.userId === userId);
}

function select(identity) {
  state.current = identity;
  state.scenarioLang = scenarioLanguageFor(identity);
  state.unread.delete(identity.userId);
  const key = identity.ref || identity.userId;
  if (decodeURIComponent(location.hash.slice(1)) !== key) history.replaceState(null, '', '#' + encodeURIComponent(key));
  localStorage.setItem('casedesk.identity', identity.userId);
  renderPeople();
  renderHeader();
  renderScenarios();
  for (const event of state.chats.get(identity.userId) || []) state.shown.add(event.id);
  renderMessages();
  $('input').focus();
}

function initialIdentity() {
  const wanted = decodeURIComponent(location.hash.slice(1)) || localStorage.getItem('casedesk.identity');
  const all = identities();
  return all.find((i) => i.ref === wanted || i.userId === wanted)
    || (/^U[0-9a-f]{32}$/.test(wanted || '') ? strangerIdentity(wanted) : all[0]);
}

// ---------- rendering ----------

function renderPeople() {
  const personButton = (identity) => {
    const unread = state.unread.get(identity.userId) || 0;
    const meta = identity.stranger ? identity.userId.slice(0, 9) + '…' : identity.ref;
    return el('li', {},
      el('button', {
        type: 'button', class: 'person', 'aria-pressed': String(state.current?.userId === identity.userId),
        'data-user-id': identity.userId, 'data-ref': identity.ref, onclick: () => select(identity),
      },
      el('span', { class: 'avatar', style: `background:${identity.stranger ? '#9aa5b1' : colourOf(identity.name)}`, text: identity.stranger ? '?' : initialOf(identity.name) }),
      el('span', { class: 'person-text' },
        el('span', { class: 'person-name', text: identity.name }),
        el('span', { class: 'person-meta' }, meta,
          identity.language ? el('span', { class: 'lang-badge', text: t('langs')[identity.language] || identity.language }) : null)),
      unread ? el('span', { class: 'unread', text: String(unread), 'aria-label': `${unread} new` }) : null));
  };
  const all = identities();
  $('customers').replaceChildren(...all.filter((i) => !i.stranger).map(personButton));
  $('strangers').replaceChildren(...all.filter((i) => i.stranger).map(personButton));
  revealSelectedPerson();
}

/** Scrolls the list to the chosen person only when they are out of sight (say, after opening /#C-1010). */
function revealSelectedPerson() {
  const item = document.querySelector('.person[aria-pressed="true"]');
  if (!item) return;
  const list = item.closest('.people-section').getBoundingClientRect();
  const box = item.getBoundingClientRect();
  if (box.top < list.top || box.bottom > list.bottom) item.scrollIntoView({ block: 'center' });
}

function renderHeader() {
  $('bot-name').textContent = botName();
  $('bot-name').title = state.info.botName;
  $('bot-avatar').textContent = initialOf(botName());
  const who = state.current ? state.current.name + (state.current.ref ? ` (${state.current.ref})` : '') : '';
  $('chat-subtitle').textContent = who ? t('chattingAs', who) : '';
  $('chat-subtitle').title = state.current ? state.current.userId : '';
  $('webhook-url').textContent = state.info.webhookUrl || '—';
}

function renderScenarios() {
  const group = SCENARIOS.find((g) => g.lang === state.scenarioLang) || SCENARIOS[0];
  const tabs = el('div', { class: 'tabs', role: 'tablist' }, ...SCENARIOS.map((g) => el('button', {
    type: 'button', role: 'tab', class: 'tab', 'aria-selected': String(g === group), text: g.label,
    onclick: () => { state.scenarioLang = g.lang; renderScenarios(); },
  })));
  const chips = el('div', { class: 'scenario-group', lang: group.lang, role: 'tabpanel' },
    ...group.questions.map((question) => el('button', {
      type: 'button', class: 'chip', text: question, onclick: () => send({ text: question }),
    })));
  $('scenarios').replaceChildren(tabs, chips);
}

/** The firm's name in the page's language, for a bundle name written "中文名 / English name". */
function botName() {
  const parts = state.info.botName.split(' / ');
  return parts.length === 2 ? parts[state.lang === 'en' ? 1 : 0] : state.info.botName;
}

function formatTime(iso) {
  return new Date(iso).toLocaleTimeString(state.lang === 'en' ? 'en-GB' : 'zh-TW', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

function formatDay(iso) {
  const day = new Date(iso);
  if (day.toDateString() === new Date().toDateString()) return t('today');
  return day.toLocaleDateString(state.lang === 'en' ? 'en-GB' : 'zh-TW', { month: 'short', day: 'numeric', weekday: 'short' });
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u;

function bubbleFor(text, sticker) {
  if (sticker || text === '[sticker]') {
    const known = sticker && STICKERS.find((s) => s.packageId === sticker.packageId && s.stickerId === sticker.stickerId);
    return el('div', { class: 'bubble sticker', title: sticker ? `sticker ${sticker.packageId}/${sticker.stickerId}` : t('sticker') },
      el('div', { class: 'sticker-art', text: known ? known.art : '🧸' }),
      known ? null : el('div', { class: 'sticker-caption', text: t('sticker') }));
  }
  const other = /^\[([a-z]+)\]$/.exec(text);
  if (other) return el('div', { class: 'bubble other', text: t('otherMessage', other[1]) });
  const emojiOnly = EMOJI_ONLY.test(text) && Array.from(text.replace(/\s/g, '')).length <= 6;
  return el('div', { class: 'bubble' + (emojiOnly ? ' emoji-only' : ''), text });
}

function customerRow(event) {
  const failure = state.failed.get(event.id);
  const rows = [];
  const stack = el('div', { class: 'stack' });
  (event.texts || []).forEach((text, i) => {
    const bubble = bubbleFor(text, event.sticker);
    if (failure) bubble.classList.add('failed');
    stack.append(el('div', { class: 'line' }, bubble,
      i === event.texts.length - 1 ? el('div', { class: 'meta' }, el('time', { datetime: event.at, text: formatTime(event.at) })) : null));
  });
  if (failure) {
    stack.append(el('div', { class: 'failed-note', text: `${t('notDelivered')}: ${failure.status ? 'HTTP ' + failure.status : failure.error}` }));
  }
  rows.push(el('div', { class: 'row from-customer', 'data-event-id': event.id, 'data-kind': 'customer' }, stack));
  return rows;
}

function botRow(event) {
  const agent = Boolean(event.sender);
  const name = event.sender || botName();
  const stack = el('div', { class: 'stack' },
    el('div', { class: 'sender' }, name, el('span', { class: 'kind', text: agent ? t('agent') : t('bot') })));
  (event.texts || []).forEach((text, i) => {
    const last = i === event.texts.length - 1;
    stack.append(el('div', { class: 'line' }, bubbleFor(text, null), last ? el('div', { class: 'meta' },
      el('span', { class: 'delivery', title: event.method === 'reply' ? t('replyTitle') : t('pushTitle'),
        text: (event.method === 'reply' ? '↩ ' : '⇡ ') + t(event.method === 'reply' ? 'reply' : 'push') }),
      el('time', { datetime: event.at, text: formatTime(event.at) })) : null));
  });
  return [el('div', { class: `row ${agent ? 'from-agent' : 'from-bot'}`, 'data-event-id': event.id, 'data-kind': 'bot', 'data-method': event.method },
    el('div', { class: 'avatar', text: initialOf(name) }), stack)];
}

function typingRow() {
  return el('div', { class: 'row from-bot typing', id: 'typing', 'aria-label': 'typing' },
    el('div', { class: 'avatar', text: initialOf(botName()) }),
    el('div', { class: 'stack' }, el('div', { class: 'bubble' }, el('i'), el('i'), el('i'))));
}

function renderMessages() {
  const box = $('messages');
  const userId = state.current?.userId;
  const events = (state.chats.get(userId) || []).filter((e) => e.kind === 'customer' || e.kind === 'bot');
  const nodes = [];
  let day = null;
  for (const event of events) {
    const thisDay = new Date(event.at).toDateString();
    if (thisDay !== day) {
      day = thisDay;
      nodes.push(el('div', { class: 'day', text: formatDay(event.at) }));
    }
    const rows = event.kind === 'customer' ? customerRow(event) : botRow(event);
    if (!state.shown.has(event.id)) {
      state.shown.add(event.id);
      rows.forEach((row) => row.classList.add('arrive'));
    }
    nodes.push(...rows);
  }
  for (const pending of state.pending.filter((p) => p.userId === userId)) nodes.push(pending.element);
  if (nodes.length === 0) nodes.push(el('div', { class: 'empty', text: t('empty', botName()) }));
  if ((state.typingUntil.get(userId) || 0) > Date.now()) {
    const typing = typingRow();
    if (!$('typing')) typing.classList.add('arrive');
    nodes.push(typing);
  }
  box.replaceChildren(...nodes);
  box.scrollTop = box.scrollHeight;
}

// ---------- live events ----------

function handleEvent(event) {
  if (event.id <= state.lastEventId) return;
  state.lastEventId = event.id;
  const chat = state.chats.get(event.chatId) || [];
  chat.push(event);
  state.chats.set(event.chatId, chat);
  if (event.kind === 'loading') {
    const until = Date.parse(event.at) + event.loadingSeconds * 1000;
    if (until > Date.now()) {
      state.typingUntil.set(event.chatId, until);
      setTimeout(() => event.chatId === state.current?.userId && renderMessages(), until - Date.now() + 50);
    }
  } else if (event.kind === 'bot') {
    state.typingUntil.delete(event.chatId); // LINE ends the animation when a message arrives
  } else if (event.kind === 'undelivered') {
    state.failed.set(event.refersTo, event);
  } else if (event.kind === 'customer') {
    const index = state.pending.findIndex((p) => p.userId === event.chatId);
    if (index >= 0) {
      state.pending.splice(index, 1);
      state.shown.add(event.id); // it replaces the bubble already on screen: no second entrance
    }
  }
  if (event.chatId !== state.current?.userId) {
    let changed = false;
    if (isUnknownUser(event.chatId)) {
      // Someone wrote as another stranger (./casedesk say U..., another tab): list them too.
      state.strangers.push(event.chatId);
      changed = true;
    }
    if (event.kind === 'bot' && Date.parse(event.at) >= state.loadedAt) {
      state.unread.set(event.chatId, (state.unread.get(event.chatId) || 0) + 1);
      changed = true;
    }
    if (changed) renderPeople();
    return;
  }
  renderMessages();
}

function setConnection(status) {
  $('connection').dataset.state = status;
  $('connection-text').textContent = t(status);
}

function connect() {
  if (state.source) state.source.close();
  setConnection(state.lastEventId ? 'reconnecting' : 'connecting');
  const source = new EventSource('/simulator/events?after=' + state.lastEventId);
  state.source = source;
  source.addEventListener('hello', (message) => {
    const run = JSON.parse(message.data).run;
    if (state.run && state.run !== run) {
      // A restarted simulator: its history and ids start again.
      state.run = run;
      state.lastEventId = 0;
      state.chats.clear();
      state.failed.clear();
      state.shown.clear();
      connect();
      loadInfo();
      return;
    }
    state.run = run;
    setConnection('live');
  });
  for (const kind of ['customer', 'bot', 'loading', 'undelivered']) {
    source.addEventListener(kind, (message) => handleEvent(JSON.parse(message.data)));
  }
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      setConnection('down');
      setTimeout(() => state.source === source && connect(), 3000);
    } else {
      setConnection('reconnecting');
    }
  };
}

// ---------- sending ----------

function showBanner(message) {
  $('banner-text').textContent = message;
  $('banner').hidden = false;
}

function hideBanner() {
  $('banner').hidden = true;
}

function describeFailure(status, body) {
  const error = body && body.error ? body.error : `HTTP ${status}`;
  if (status === 502) {
    const rejected = /HTTP (\d{3})/.exec(error);
    return rejected && !/reached/.test(error) ? t('rejected', rejected[1]) : t('unreachable', state.info.webhookUrl || '?');
  }
  return t('badRequest', error);
}

async function send(message) {
  const identity = state.current;
  if (!identity || state.sending) return;
  state.sending = true;
  const text = message.text;
  const element = el('div', { class: 'row from-customer', 'data-kind': 'pending' },
    el('div', { class: 'stack' }, el('div', { class: 'line' }, (() => {
      const bubble = bubbleFor(text || '[sticker]', message.sticker);
      bubble.classList.add('pending');
      return bubble;
    })())));
  const pending = { userId: identity.userId, text, element };
  state.pending.push(pending);
  renderMessages();
  try {
    const response = await fetch('/simulator/say', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: identity.userId, ...message, waitSeconds: 0 }),
    });
    if (response.ok) {
      hideBanner();
    } else {
      showBanner(describeFailure(response.status, await response.json().catch(() => null)));
    }
  } catch (e) {
    showBanner(t('simulatorDown'));
  } finally {
    state.sending = false;
    const index = state.pending.indexOf(pending);
    if (index >= 0) {
      state.pending.splice(index, 1);
      if (identity.userId === state.current?.userId) renderMessages();
    }
    updateSendButton();
  }
}

function sendInput() {
  const input = $('input');
  const text = input.value.trim();
  if (!text || state.sending) return;
  input.value = '';
  autoGrow();
  send({ text });
}

function updateSendButton() {
  $('send').disabled = !$('input').value.trim() || state.sending;
}

function autoGrow() {
  const input = $('input');
  input.style.height = 'auto';
  input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  updateSendButton();
}

function insertAtCursor(text) {
  const input = $('input');
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  input.value = input.value.slice(0, start) + text + input.value.slice(end);
  input.selectionStart = input.selectionEnd = start + text.length;
  input.focus();
  autoGrow();
}

function renderTray() {
  $('emoji-row').replaceChildren(...EMOJI.map((emoji) => el('button', {
    type: 'button', text: emoji, 'aria-label': emoji, onclick: () => insertAtCursor(emoji),
  })));
  $('sticker-row').replaceChildren(...STICKERS.map((sticker) => el('button', {
    type: 'button', text: sticker.art, title: sticker.label, 'aria-label': `${t('sticker')} ${sticker.label}`,
    'data-sticker-id': sticker.stickerId,
    onclick: () => send({ sticker: { packageId: sticker.packageId, stickerId: sticker.stickerId } }),
  })));
}

// ---------- language ----------

function applyLanguage(lang) {
  state.lang = TEXTS[lang] ? lang : 'en';
  localStorage.setItem('casedesk.lang', state.lang);
  document.documentElement.lang = state.lang;
  document.title = `${t('title')} · CaseDesk`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.classList.toggle('active', button.dataset.lang === state.lang);
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  }
  $('input').placeholder = t('placeholder');
  setConnection($('connection').dataset.state || 'connecting');
  if (state.current && state.current.stranger) state.current = strangerIdentity(state.current.userId);
  renderPeople();
  renderHeader();
  renderScenarios();
  renderTray();
  renderMessages();
}

// ---------- start ----------

async function loadInfo() {
  try {
    const response = await fetch('/simulator/info');
    if (!response.ok) throw new Error('HTTP ' + response.status);
    state.info = await response.json();
  } catch (e) {
    showBanner(t('simulatorDown'));
  }
  if (!state.current || !state.current.stranger) state.current = initialIdentity();
  state.scenarioLang = scenarioLanguageFor(state.current);
  renderPeople();
  renderHeader();
  renderScenarios();
  renderMessages();
}

function tick() {
  $('clock').textContent = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

document.addEventListener('DOMContentLoaded', async () => {
  loadStrangers();
  const browserLang = (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-Hant' : 'en';
  applyLanguage(localStorage.getItem('casedesk.lang') || browserLang);
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => applyLanguage(button.dataset.lang));
  }
  $('new-stranger').addEventListener('click', newStranger);
  $('banner-close').addEventListener('click', hideBanner);
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); sendInput(); });
  $('input').addEventListener('input', autoGrow);
  $('input').addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; Enter that ends an IME composition (Chinese input) only commits it.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      sendInput();
    }
  });
  $('tray-toggle').addEventListener('click', () => {
    const tray = $('tray');
    tray.hidden = !tray.hidden;
    $('tray-toggle').setAttribute('aria-expanded', String(!tray.hidden));
  });
  window.addEventListener('hashchange', () => {
    const identity = initialIdentity();
    if (identity && identity.userId !== state.current?.userId) select(identity);
  });
  tick();
  setInterval(tick, 15000);
  await loadInfo();
  connect();
});
