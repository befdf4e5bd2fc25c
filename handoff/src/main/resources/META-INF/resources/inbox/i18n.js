'use strict';
/* The inbox's two languages. Keys are looked up in the chosen language, then in English. */
var I18n = (function () {
  var texts = {
    'zh-Hant': {
      'app.title': '客服收件匣',
      'login.intro': '請登入以處理轉接給專人的對話。',
      'login.error': '帳號或密碼不正確。',
      'login.username': '帳號', 'login.password': '密碼', 'login.submit': '登入',
      'nav.open': '處理中', 'nav.closed': '已結束', 'nav.metrics': '指標', 'nav.canned': '罐頭回覆', 'nav.knowledge': '知識缺口',
      'knowledge.title': '知識缺口', 'knowledge.help': '機器人找不到文章或沒有把握而轉接的問題、客戶在機器人回答後又再問的問題，以及回答被標記為錯誤的問題，依意思分組；為每組以繁中、英文（事務所使用簡中時也含簡中）起草常見問題文章，核准後發布到知識庫。',
      'knowledge.questions': '客戶問題', 'knowledge.count': '次數', 'knowledge.languages': '語言', 'knowledge.lastSeen': '最近一次',
      'knowledge.status': '狀態', 'knowledge.empty': '目前沒有知識缺口。', 'knowledge.group': '問題群組',
      'knowledge.status.open': '待處理', 'knowledge.status.published': '已發布', 'knowledge.status.dismissed': '已退回', 'knowledge.published': '已發布',
      'knowledge.state.draft': '草稿', 'knowledge.state.approved': '已核准發布', 'knowledge.state.rejected': '已退回',
      'knowledge.source.agent_reply': '取自專員的回覆', 'knowledge.source.skeleton': '問題清單（待填答案）',
      'knowledge.source.corrected_answer': '取自專員更正的答案', 'knowledge.source.converted': '由簡繁轉換（請校對用詞）',
      'knowledge.source.model': '由語言模型撰寫（請核對）',
      'knowledge.reason.no_article': '查無文章', 'knowledge.reason.low_confidence': '信心不足',
      'knowledge.reason.re_asked': '機器人回答後再次提問', 'knowledge.reason.marked_wrong': '回答被標記為錯誤',
      'knowledge.draftTitle': '標題', 'knowledge.draftBody': '內容', 'knowledge.tags': '標籤（以逗號分隔）',
      'knowledge.save': '儲存草稿', 'knowledge.approve': '核准並發布', 'knowledge.reject': '退回',
      'metrics.knowledgeGaps': '知識缺口（機器人答不出的問題）', 'metrics.topGaps': '最常見的知識缺口',
      'error.already_decided': '此草稿已核准或退回。', 'error.publish_failed': '發布到案件服務失敗：',
      'presence.available': '可接單', 'presence.away': '暫離', 'presence.offline': '離線',
      'bot.on': '機器人運作中', 'bot.paused': '機器人已全面暫停', 'bot.pauseAll': '全面暫停機器人', 'bot.resumeAll': '恢復機器人',
      'signout': '登出', 'help': '快捷鍵',
      'queue.empty': '目前沒有等待中的對話。', 'queue.emptyClosed': '尚無已結束的對話。',
      'state.waiting': '等待中', 'state.assigned': '已指派', 'state.active': '對話中', 'state.closed': '已結束',
      'prio.0': 'VIP', 'prio.1': '緊急', 'prio.2': '一般',
      'ticket.none': '從左側選擇一個對話，或按 j / k 移動。',
      'ticket.take': '接手', 'ticket.close': '結束對話', 'ticket.pause': '暫停機器人', 'ticket.resume': '恢復機器人',
      'ticket.botPaused': '此對話的機器人已暫停', 'ticket.agent': '負責人', 'ticket.unassigned': '尚未指派',
      'ticket.waited': '已等待', 'ticket.outOfHours': '非服務時間進線', 'ticket.waitingNotice': '已通知客戶稍候',
      'ticket.reason': '轉接原因', 'ticket.rating': '評分', 'ticket.ratingPending': '等待客戶評分',
      'reply.placeholder': '輸入回覆…（Enter 送出，Shift+Enter 換行）', 'reply.send': '送出',
      'draft.title': 'AI 草稿待審核', 'draft.approve': '核准送出', 'draft.edit': '編輯', 'draft.reject': '退回',
      'draft.sendEdited': '送出編輯後內容', 'draft.approved': '草稿已核准', 'draft.edited': '草稿已編輯送出', 'draft.rejected': '草稿已退回',
      'side.triage': '分類標籤', 'side.cases': '案件摘要', 'side.history': '轉接前的對話', 'side.customer': '客戶',
      'side.attachments': '客戶傳送的檔案', 'attachment.pending': '讀取中', 'attachment.stored': '下載',
      'attachment.too_large': '檔案過大，未保存', 'attachment.unavailable': '無法取得', 'attachment.purged': '已超過保存期限',
      'error.not_stored': '此檔案未保存。',
      'cases.none': '沒有進行中的案件。', 'cases.unavailable': '案件系統暫時無法讀取，此摘要不完整。', 'cases.unknown': '尚未綁定的客戶身分。',
      'case.next': '下一步', 'case.fee': '未付費用', 'case.assignee': '承辦',
      'author.customer': '客戶', 'author.system': '系統', 'delivery.sent': '已送達', 'delivery.failed': '傳送失敗', 'delivery.skipped': '未傳送',
      'delivery.pending': '傳送中',
      'metrics.title': '客服指標（近 30 天）', 'metrics.firstResponse': '平均首次回覆時間', 'metrics.timeToAgent': '平均轉接至專人時間',
      'metrics.handoffRate': '轉接率', 'metrics.automationRate': '自動化率（無需專人）', 'metrics.csat': '客戶滿意度（CSAT）',
      'metrics.ratings': '評分數', 'metrics.tickets': '工單數', 'metrics.conversations': '對話數（每日）', 'metrics.open': '處理中工單',
      'metrics.satisfied': '滿意（4–5 分）比例', 'metrics.notes': '內部備註數', 'metrics.markedWrong': '標記為錯誤的機器人回答',
      'metrics.gapRate': '知識缺口率（每則客戶訊息）', 'metrics.articlesPublished': '已發布的常見問題文章',
      'metrics.cannedUsed': '罐頭回覆使用次數',
      'feedback.mark': '標記回答錯誤', 'feedback.marked': '已標記為錯誤', 'feedback.right': '正確回答', 'feedback.save': '儲存',
      'feedback.placeholder': '正確的回答應該是…', 'error.not_a_bot_answer': '這不是機器人的回答。', 'error.already_marked': '此回答已被標記。',
      'alert.priority': '高優先對話等待中', 'error.generic': '操作失敗', 'error.assigned_to_other': '此對話已由其他同仁負責。',
      'error.ticket_closed': '此對話已結束。', 'error.no_pending_draft': '沒有待審核的草稿。', 'error.empty_text': '請輸入內容。',
      'error.ticket_open': '對話仍由專人負責，請先結束對話。', 'error.unreachable': '無法聯絡此客戶。',
      'live.connected': '即時更新中', 'live.reconnecting': '重新連線中…',
      'keys.title': '快捷鍵', 'keys.move': '上 / 下一個對話', 'keys.reply': '回覆', 'keys.send': '送出回覆', 'keys.canned': '在回覆框開頭或空格後：罐頭回覆（↑ ↓ 選擇，Enter 插入）',
      'keys.approve': '核准草稿', 'keys.edit': '編輯草稿', 'keys.reject': '退回草稿', 'keys.close': '結束對話',
      'keys.pause': '暫停 / 恢復機器人', 'keys.take': '接手對話', 'keys.help': '顯示快捷鍵', 'keys.escape': '離開輸入框',
      'note.private': '內部備註', 'note.add': '新增內部備註', 'note.placeholder': '內部備註（客戶看不到）…',
      'error.text_too_long': '內容太長。', 'error.unknown_language': '不支援的語言。', 'error.invalid_shortcut': '捷徑名稱格式不正確。',
      'error.unknown_placeholder': '有無法填入的替換欄位。', 'error.duplicate_shortcut': '此語言已有相同捷徑名稱。',
      'canned.title': '罐頭回覆', 'canned.button': '罐頭回覆', 'canned.pick': '插入罐頭回覆（在回覆框輸入 / 加捷徑名稱）',
      'canned.none': '沒有符合的罐頭回覆。', 'canned.language': '語言', 'canned.shortcut': '捷徑名稱', 'canned.titleField': '標題',
      'canned.body': '內容', 'canned.save': '儲存', 'canned.cancel': '取消', 'canned.edit': '編輯', 'canned.delete': '刪除',
      'canned.help': '同仁在回覆框輸入 / 加捷徑名稱即可插入，僅顯示與對話相同語言者。內容可使用 {salutation}（客戶稱謂，不明時為中性稱呼）與 {agent}（同仁名稱）。',
      'time.s': '秒', 'time.m': '分', 'time.h': '小時', 'time.d': '天'
    },
    'en': {
      'app.title': 'Agent inbox',
      'login.intro': 'Sign in to answer the conversations handed to people.',
      'login.error': 'Wrong user name or password.',
      'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
      'nav.open': 'Open', 'nav.closed': 'Closed', 'nav.metrics': 'Metrics', 'nav.canned': 'Canned', 'nav.knowledge': 'Knowledge',
      'knowledge.title': 'Knowledge gaps', 'knowledge.help': 'Questions the bot handed over for want of an article or of confidence, asked again after the bot\'s answer, or whose answer was marked wrong, grouped by meaning; each group gets a drafted FAQ article in zh-Hant and English (and zh-Hans when the firm writes it), published to the knowledge base once approved.',
      'knowledge.questions': 'Customers\' questions', 'knowledge.count': 'Count', 'knowledge.languages': 'Languages', 'knowledge.lastSeen': 'Last seen',
      'knowledge.status': 'Status', 'knowledge.empty': 'No knowledge gaps.', 'knowledge.group': 'Group',
      'knowledge.status.open': 'Open', 'knowledge.status.published': 'Published', 'knowledge.status.dismissed': 'Dismissed', 'knowledge.published': 'Published',
      'knowledge.state.draft': 'Draft', 'knowledge.state.approved': 'Approved and published', 'knowledge.state.rejected': 'Rejected',
      'knowledge.source.agent_reply': 'From an agent\'s answer', 'knowledge.source.skeleton': 'The questions (answer to write)',
      'knowledge.source.corrected_answer': 'From an agent\'s corrected answer',
      'knowledge.source.converted': 'Converted from the other Chinese script (check the wording)',
      'knowledge.source.model': 'Written by the language model (check it)',
      'knowledge.reason.no_article': 'no article', 'knowledge.reason.low_confidence': 'low confidence',
      'knowledge.reason.re_asked': 'asked again after the bot\'s answer', 'knowledge.reason.marked_wrong': 'answer marked wrong',
      'knowledge.draftTitle': 'Title', 'knowledge.draftBody': 'Body', 'knowledge.tags': 'Tags (comma-separated)',
      'knowledge.save': 'Save draft', 'knowledge.approve': 'Approve and publish', 'knowledge.reject': 'Reject',
      'metrics.knowledgeGaps': 'Knowledge gaps (questions the bot could not answer)', 'metrics.topGaps': 'Top knowledge gaps',
      'error.already_decided': 'This draft was approved or rejected already.', 'error.publish_failed': 'Publishing to case-service failed:',
      'presence.available': 'Available', 'presence.away': 'Away', 'presence.offline': 'Offline',
      'bot.on': 'Bot is answering', 'bot.paused': 'Bot paused for everyone', 'bot.pauseAll': 'Pause bot for all', 'bot.resumeAll': 'Resume bot',
      'signout': 'Sign out', 'help': 'Shortcuts',
      'queue.empty': 'No conversation is waiting.', 'queue.emptyClosed': 'No closed conversation yet.',
      'state.waiting': 'Waiting', 'state.assigned': 'Assigned', 'state.active': 'Active', 'state.closed': 'Closed',
      'prio.0': 'VIP', 'prio.1': 'Urgent', 'prio.2': 'Normal',
      'ticket.none': 'Pick a conversation on the left, or move with j / k.',
      'ticket.take': 'Take', 'ticket.close': 'Close', 'ticket.pause': 'Pause bot', 'ticket.resume': 'Resume bot',
      'ticket.botPaused': 'Bot paused for this conversation', 'ticket.agent': 'Agent', 'ticket.unassigned': 'Unassigned',
      'ticket.waited': 'Waited', 'ticket.outOfHours': 'Arrived out of hours', 'ticket.waitingNotice': 'Customer told to hold on',
      'ticket.reason': 'Reason', 'ticket.rating': 'Rating', 'ticket.ratingPending': 'Waiting for the rating',
      'reply.placeholder': 'Type a reply… (Enter sends, Shift+Enter for a new line)', 'reply.send': 'Send',
      'draft.title': 'Draft awaiting approval', 'draft.approve': 'Approve', 'draft.edit': 'Edit', 'draft.reject': 'Reject',
      'draft.sendEdited': 'Send edited', 'draft.approved': 'Draft approved', 'draft.edited': 'Draft edited and sent', 'draft.rejected': 'Draft rejected',
      'side.triage': 'Triage', 'side.cases': 'Case summary', 'side.history': 'Before the handoff', 'side.customer': 'Customer',
      'side.attachments': 'Files from the customer', 'attachment.pending': 'Fetching', 'attachment.stored': 'Download',
      'attachment.too_large': 'Too large, not kept', 'attachment.unavailable': 'Not available', 'attachment.purged': 'Past its retention',
      'error.not_stored': 'This file is not kept.',
      'cases.none': 'No open cases.', 'cases.unavailable': 'The case record could not be read; this summary is incomplete.', 'cases.unknown': 'Identity not linked to a customer.',
      'case.next': 'Next step', 'case.fee': 'Outstanding fee', 'case.assignee': 'Assignee',
      'author.customer': 'Customer', 'author.system': 'System', 'delivery.sent': 'Delivered', 'delivery.failed': 'Failed', 'delivery.skipped': 'Not sent',
      'delivery.pending': 'Sending',
      'metrics.title': 'Service figures (last 30 days)', 'metrics.firstResponse': 'Average first response', 'metrics.timeToAgent': 'Average time to agent',
      'metrics.handoffRate': 'Handoff rate', 'metrics.automationRate': 'Automation rate (no person needed)', 'metrics.csat': 'Customer satisfaction (CSAT)',
      'metrics.ratings': 'Ratings', 'metrics.tickets': 'Tickets', 'metrics.conversations': 'Conversations (per day)', 'metrics.open': 'Open tickets',
      'metrics.satisfied': 'Satisfied (4–5)', 'metrics.notes': 'Private notes', 'metrics.markedWrong': 'Bot answers marked wrong',
      'metrics.gapRate': 'Gap rate (per customer message)', 'metrics.articlesPublished': 'FAQ articles published',
      'metrics.cannedUsed': 'Canned responses used',
      'feedback.mark': 'Mark wrong', 'feedback.marked': 'Marked wrong', 'feedback.right': 'Right answer', 'feedback.save': 'Save',
      'feedback.placeholder': 'The right answer is…', 'error.not_a_bot_answer': 'That is not an answer of the bot.', 'error.already_marked': 'This answer is already marked.',
      'alert.priority': 'High-priority conversation waiting', 'error.generic': 'That did not work', 'error.assigned_to_other': 'Another agent owns this conversation.',
      'error.ticket_closed': 'This conversation is closed.', 'error.no_pending_draft': 'No draft is waiting.', 'error.empty_text': 'Type something first.',
      'error.ticket_open': 'A person owns this conversation; close it first.', 'error.unreachable': 'This customer cannot be reached.',
      'live.connected': 'Live', 'live.reconnecting': 'Reconnecting…',
      'keys.title': 'Keyboard shortcuts', 'keys.move': 'Next / previous conversation', 'keys.reply': 'Reply', 'keys.send': 'Send the reply', 'keys.canned': 'In the reply box, at the start or after a space: canned responses (↑ ↓ choose, Enter inserts)',
      'keys.approve': 'Approve draft', 'keys.edit': 'Edit draft', 'keys.reject': 'Reject draft', 'keys.close': 'Close conversation',
      'keys.pause': 'Pause / resume bot', 'keys.take': 'Take conversation', 'keys.help': 'Show shortcuts', 'keys.escape': 'Leave the text box',
      'note.private': 'Private note', 'note.add': 'Add private note', 'note.placeholder': 'Private note (the customer never sees it)…',
      'error.text_too_long': 'That is too long.', 'error.unknown_language': 'Unknown language.', 'error.invalid_shortcut': 'Invalid shortcut.',
      'error.unknown_placeholder': 'Unknown placeholder.', 'error.duplicate_shortcut': 'That shortcut is taken in this language.',
      'canned.title': 'Canned responses', 'canned.button': 'Canned', 'canned.pick': 'Insert a canned response (or type / and its shortcut in the reply box)',
      'canned.none': 'No matching canned response.', 'canned.language': 'Language', 'canned.shortcut': 'Shortcut', 'canned.titleField': 'Title',
      'canned.body': 'Body', 'canned.save': 'Save', 'canned.cancel': 'Cancel', 'canned.edit': 'Edit', 'canned.delete': 'Delete',
      'canned.help': 'Agents type / and the shortcut in the reply box; only those in the conversation\'s language are offered. A body may use {salutation} (the customer\'s salutation, a neutral one when unknown) and {agent} (the agent\'s name).',
      'time.s': 's', 'time.m': 'm', 'time.h': 'h', 'time.d': 'd'
    }
  };
  var stored = null;
  try { stored = localStorage.getItem('casedesk.lang'); } catch (e) { /* private mode */ }
  var lang = stored || ((navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-Hant' : 'en');
  function t(key) {
    var table = texts[lang] || texts.en;
    return table[key] !== undefined ? table[key] : (texts.en[key] !== undefined ? texts.en[key] : key);
  }
  function apply(root) {
    document.documentElement.lang = lang;
    (root || document).querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.placeholder = t(el.dataset.i18nPlaceholder); });
    (root || document).querySelectorAll('[data-i18n-title]').forEach(function (el) { el.title = t(el.dataset.i18nTitle); });
    document.querySelectorAll('[data-lang]').forEach(function (b) { b.classList.toggle('current', b.dataset.lang === lang); });
  }
  function set(value) {
    lang = value;
    try { localStorage.setItem('casedesk.lang', value); } catch (e) { /* private mode */ }
    apply();
    document.dispatchEvent(new CustomEvent('langchange'));
  }
  return { t: t, apply: apply, set: set, lang: function () { return lang; } };
})();
