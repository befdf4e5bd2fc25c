package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Intent;

import java.util.List;

/**
 * The cues of the local rules, in Traditional Chinese, Simplified Chinese and English. Chinese entries are
 * written once in Traditional characters (they are folded, so they match Simplified text too); Simplified
 * entries are listed only where mainland usage differs in wording (律所, 联系, 视频).
 */
final class TriageLexicon {

    /** Cues of one topic intent: a strong cue counts twice as much as a weak one. */
    record IntentCues(Intent intent, CueList strong, CueList weak) {
        int score(String preparedText) {
            return 2 * strong.count(preparedText) + weak.count(preparedText);
        }
    }

    /** Asks for a person; wins over every other intent. */
    static final CueList HUMAN_REQUEST = CueList.of("human_request",
            "真人", "專人", "人工客服", "轉人工", "客服人員", "真的人", "找律師", "找承辦", "請律師回電", "律師回電",
            "回電給我", "打給我", "打電話給我", "不要機器人", "不想跟機器人", "機器人聽不懂", "機器人看不懂",
            "re:(想|要|希望|可以|能不能|能否|請|需要|麻煩|讓我)[^,.;!?。]{0,3}(跟|和|與|同|找)\\s*"
                    + "(律師|lawyer|attorney|承辦|專人|真人)\\s*(直接)?\\s*(談|說|講|聊|聯絡|联系|通話|見面)",
            "找人工", "人工服务", "转人工",
            "轉給律師", "轉接", "請律師聯絡我", "請承辦律師", "找個人", "有人嗎", "真人回覆",
            "human", "real person", "a person", "speak to someone", "talk to someone", "speak with someone",
            "talk with someone", "representative", "live agent", "an agent", "operator", "speak to my lawyer",
            "talk to my lawyer", "speak with my lawyer", "talk with my lawyer", "speak to a lawyer", "talk to a lawyer",
            "speak to an attorney", "call me", "give me a call", "phone me", "not a bot", "not a robot", "no more bot",
            "stop the bot", "chatbot", "actual person", "a real lawyer", "someone from your team",
            "have someone", "connect me", "transfer me", "put me through",
            "有沒有人可以", "有人可以", "律師親自", "親自跟我", "叫律師", "負責的人", "請律師打", "請律師跟我",
            "someone from the firm", "someone from your firm", "call me back", "ring me", "a lawyer available",
            "speak with a lawyer", "talk with a lawyer", "member of your team", "rather than by chat", "instead of a bot",
            "contact me by phone");

    /**
     * The topic intents, in the order that breaks a tie: a complaint about a bill is a complaint, a bill for a
     * case is billing, and the broad words of a case (案件, case) lose to anything more specific.
     */
    static final List<IntentCues> TOPICS = List.of(
            new IntentCues(Intent.COMPLAINT,
                    CueList.of("complaint",
                            "不滿", "投訴", "客訴", "抱怨", "申訴", "太扯", "離譜", "很差", "太差", "失望", "不專業",
                            "敷衍", "態度很", "態度差", "沒人回", "都不回", "不回覆", "沒有回覆", "沒有回應", "沒有回電",
                            "沒回電", "聯絡不到", "聯繫不到", "找不到人", "拖延", "一直拖", "拖了", "拖很久", "給個交代",
                            "給我一個交代", "負責任", "要求改善", "請改善", "搞錯", "弄錯", "出錯", "疏失", "誇張",
                            "联系不上", "给个说法",
                            "不負責任", "推卸", "踢皮球", "石沉大海", "已讀不回", "效率很差", "效率太差", "太慢", "浪費時間",
                            "沒有下文", "音訊全無", "不聞不問", "不合理",
                            "complain*", "unacceptable", "disappoint*", "terrible", "awful", "unprofessional",
                            "ridiculous", "no one has", "nobody has", "no one replied", "nobody replied", "no response",
                            "no reply", "never heard back", "never got back", "never called back", "ignored", "ignoring",
                            "poor service", "bad service", "worst", "fed up", "not good enough", "messed up",
                            "overcharg*", "unhappy", "dissatisfied", "frustrat*", "waste of time", "left in the dark",
                            "unresponsive", "rude", "too slow",
                            // promises not kept, and demands
                            "說好的", "說好要", "答應我", "答應過", "承諾", "沒人通知", "沒有人通知", "沒人理", "不理我",
                            "沒下文", "為什麼要我", "憑什麼", "怎麼可以", "我要求", "要求退", "請說明", "給我一個說明",
                            "說明清楚", "一直沒有人", "都沒有人", "反映", "不應該發生", "損失誰負責", "誰負責",
                            "promised", "you said you would", "i was told", "were supposed to", "was supposed to",
                            "still nothing", "nobody called", "no one called", "nobody told me", "no one told me",
                            "why do i have to", "why should i", "why am i", "i demand", "i expect", "i want an explanation",
                            "explain why", "formal complaint", "feedback", "lost my", "not what we agreed"),
                    CueList.of("complaint_weak",
                            "改善", "還是沒有", "到底", "怎麼會", "錯誤", "still waiting", "mistake", "again",
                            "explain why")),
            new IntentCues(Intent.BILLING,
                    CueList.of("billing",
                            "費用", "律師費", "委任費", "收費", "帳單", "發票", "收據", "付款", "繳費", "匯款", "轉帳",
                            "退費", "退款", "退錢", "尾款", "訂金", "預付", "分期", "刷卡", "信用卡", "欠款", "請款",
                            "報價", "多少錢", "怎麼算", "裁判費", "定金", "委托费", "付钱", "打款",
                            "明細", "收款", "扣款", "帳款", "支付", "結清", "付清", "預繳", "計費", "時薪",
                            "invoice*", "bill", "bills", "billing", "billed", "payment*", "pay", "paid", "fee", "fees",
                            "charge", "charges", "charged", "refund*", "receipt*", "retainer", "deposit", "installment*",
                            "credit card", "bank transfer", "wire transfer", "outstanding", "quote", "how much", "cost",
                            "costs", "estimate", "overdue", "paid in full", "hourly rate"),
                    CueList.of("billing_weak", "錢", "金額", "台幣", "元", "nt$", "twd", "usd", "$", "amount",
                            "balance")),
            new IntentCues(Intent.APPOINTMENT,
                    CueList.of("appointment",
                            "預約", "約時間", "約個時間", "約一個時間", "改期", "改約", "改時間", "換時間", "另約",
                            "取消預約", "取消會議", "取消見面", "見面", "面談", "約談", "碰面", "會面", "空檔", "哪天有空",
                            "有空嗎", "時段", "到事務所", "去事務所", "過去事務所", "出庭", "到庭", "出席", "確認時間",
                            "约个时间", "到律所", "去律所", "来律所", "视频会议",
                            "約在", "約好", "有空", "方便的時間", "什麼時候方便", "過去一趟", "親自過去", "線上會議",
                            "appointment*", "book a", "booking", "reschedul*", "schedul*", "meeting*", "meet",
                            "consultation slot", "time slot*", "availability", "available on", "come in", "come by",
                            "visit your office", "video call", "zoom", "attend*", "set up a call", "set up a time", "free on",
                            "works for me", "a time to", "pencil in", "postpone"),
                    CueList.of("appointment_weak", "會議", "開會", "視訊", "電話", "禮拜", "星期", "週一", "週二",
                            "週三", "週四", "週五", "上午", "下午", "幾點", "開庭", "视频",
                            "call", "monday", "tuesday", "wednesday", "thursday", "friday", "morning", "afternoon",
                            "hearing")),
            new IntentCues(Intent.DOCUMENTS,
                    CueList.of("documents",
                            "文件", "資料", "證據", "委任狀", "委任書", "委託書", "授權書", "影本",
                            "正本", "謄本", "戶籍", "身分證", "身份證", "診斷書", "上傳", "掃描", "附件", "寄給你們",
                            "寄過去", "補件", "補資料", "要準備", "需要準備", "要帶什麼", "需要帶", "簽名", "簽好",
                            "用印", "蓋章", "复印件", "原件", "户口本", "需要提供", "要提供", "提供哪些", "哪些文件",
                            "什麼文件", "什麼資料", "哪些資料", "範本", "格式", "電子檔", "補上", "補寄", "查收",
                            "寄件", "郵寄", "快遞", "傳真", "照片", "拍照", "截圖", "檔案", "公證", "認證", "申請書",
                            "表格", "填寫", "填好", "證明", "副本", "補正",
                            "document*", "paperwork", "attach*", "upload*", "scan*", "copy of", "copies", "signed",
                            "sign the", "form", "forms", "evidence", "passport", "id card", "find attached", "please find",
                            "certificate*", "records", "pdf", "what do i need to bring", "what should i bring",
                            "need to provide", "fax", "photo*", "screenshot*", "notari*", "fill out", "filled out",
                            "proof of", "power of attorney", "affidavit", "deed", "what documents", "which documents",
                            "a copy", "send me the"),
                    // Names of documents: a status question names them as often as a document request does.
                    CueList.of("documents_weak", "寄", "收到了嗎", "有收到", "email", "sent", "send", "received",
                            "emailed", "mailed", "合約", "契約", "合同", "判決書", "起訴狀", "書狀", "答辯狀", "存證信函",
                            "寄出", "簽了", "letter", "contract*", "agreement")),
            new IntentCues(Intent.ACCOUNT,
                    CueList.of("account",
                            "登入", "登錄", "密碼", "帳號", "會員", "訂閱", "退訂", "通知設定", "推播", "個資",
                            "個人資料", "刪除資料", "刪除我的", "更改地址", "更改電話", "更改信箱", "換手機", "改手機",
                            "變更聯絡", "聯絡方式", "聯絡資料", "綁定", "解除綁定", "驗證碼", "登录", "个人信息",
                            "联系方式", "通知设置", "解绑",
                            "登不進去", "無法登入", "重設密碼", "會員資料", "修改資料", "更新資料", "更改姓名",
                            "收不到通知", "收不到簡訊", "電子報", "停止通知", "不要再寄", "刪除帳號", "註銷",
                            "login", "log in", "logged in", "sign in", "password", "username", "subscription*",
                            "unsubscrib*", "notification*", "personal data", "my data", "delete my", "privacy", "gdpr",
                            "verification code", "two-factor", "2fa", "change my email", "update my email",
                            "change my phone", "update my phone", "update my address", "change my address",
                            "contact details", "link my", "my profile", "reset my", "locked out", "can't log", "cannot log",
                            "newsletter", "opt out", "opt-out", "stop sending", "mailing list", "email preferences",
                            "update my details", "change my name", "delete my account", "close my account",
                            // a renewed id or resident certificate, a new address: an update of their record (DESIGN §3)
                            "number is now", "update your records", "update my record*", "my new address", "new address is",
                            "renewed my", "居留證號碼", "新的居留證", "居留證換", "身分證換", "換新的身分證", "號碼換了", "號碼變更",
                            "更新我的資料", "地址改成", "新地址是"),
                    CueList.of("account_weak", "帳戶", "信箱", "手機號碼", "地址", "account", "email address",
                            "phone number")),
            new IntentCues(Intent.CASE_STATUS,
                    CueList.of("case_status",
                            "進度", "進展", "狀態", "處理到哪", "處理得如何", "處理得怎樣", "辦得怎樣", "到哪一步",
                            "哪個階段", "下一步", "有沒有消息", "有消息嗎", "有進度", "最新消息", "最新狀況", "結果出來",
                            "判決出來", "什麼時候判", "何時結案", "什麼時候結案", "審理", "還在等", "目前情況", "目前狀況",
                            "怎么样了",
                            "怎麼樣了", "情況如何", "進行到", "處理好了嗎", "完成了嗎", "好了沒", "還要多久", "多久才",
                            "什麼時候會有", "有結果", "出來了嗎", "有回音", "動靜", "追蹤", "卡在",
                            "status", "progress", "update on", "any update*", "any news", "next step*", "where things stand",
                            "where we stand", "how is my case", "checking on", "check on", "following up", "follow up on",
                            "heard back", "pending", "in the queue", "tracking", "still processing", "when will",
                            "any progress", "any movement", "anything new", "latest on", "what's happening with",
                            "when can i expect", "when should i expect", "done yet", "been processed", "where is my",
                            "still in progress", "下來了嗎", "核發了嗎", "受理了嗎", "回覆了嗎", "回了嗎", "有回應嗎",
                            "有回覆嗎", "到什麼程度", "到哪裡了", "什麼階段", "辦好了嗎", "辦得如何", "後續", "has the court",
                            "did they", "have they", "has anyone", "did the court", "what stage", "how far along",
                            "come back to you", "responded", "what is happening with", "what's happening with", "approved yet",
                            "been approved", "核准了嗎", "辦得怎麼樣"),
                    CueList.of("case_status_weak", "案件", "案子", "官司", "訴訟", "法院", "判決", "結案", "承辦",
                            "律師", "調解", "case", "matter", "lawsuit", "court", "ruling", "judgment", "verdict",
                            "ticket", "request", "order", "了嗎", "了沒", "了没有", "yet")),
            new IntentCues(Intent.GENERAL_INFO,
                    CueList.of("general_info",
                            "營業時間", "上班時間", "服務時間", "幾點開", "幾點關", "幾點下班", "地址在", "在哪裡", "怎麼去",
                            "怎麼走", "停車", "交通", "服務項目", "有沒有做", "有在處理", "有處理", "有辦理", "可以處理",
                            "專長", "收費標準", "收費方式", "行情", "一般來說", "一般流程", "流程", "程序", "需要多久",
                            "要多久", "免費諮詢", "諮詢費", "初次諮詢", "週末", "假日", "官網", "在哪里", "怎么走",
                            "节假日", "周末",
                            "營業", "開門", "關門", "位置", "捷運", "公車", "分所", "服務範圍", "擅長", "處理哪些",
                            "哪些案件", "接案", "有沒有接", "大概多少錢", "線上諮詢", "需要什麼條件", "資格", "法律規定",
                            "通常",
                            "opening hours", "office hours", "business hours", "open on", "are you open", "closed on",
                            "address", "located", "parking", "directions", "how to get", "services", "do you handle",
                            "do you do", "do you offer", "do you take", "practice area*", "speciali*", "process",
                            "procedure*", "how long does", "how long do", "typically", "in general", "generally",
                            "usually", "free consultation", "consultation fee", "price range", "rates", "weekend*",
                            "holiday*", "website", "what time do you", "nearest", "branch", "office in", "types of cases",
                            "take cases", "how does it work", "requirements", "eligib*", "what is the process"),
                    CueList.of("general_info_weak", "諮詢", "請問", "想問", "consultation", "information", "info")),
            new IntentCues(Intent.OTHER,
                    CueList.of("other",
                            "點擊", "點此", "點選連結", "領取", "中獎", "抽獎", "獎金", "紅包", "穩賺", "賺錢", "兼職",
                            "日結", "刷單", "貸款免", "代辦貸款", "加line", "加我line", "加微信", "私訊我", "限時特價",
                            "優惠活動", "按錯", "傳錯", "發錯", "打錯字了", "誤傳", "請忽略", "不是問你們", "貼圖",
                            "click here", "click the link", "claim your", "you have won", "you've won", "winner",
                            "prize", "gift card", "free iphone", "crypto", "telegram", "seo", "lead generation",
                            "sponsored", "guest post", "wrong chat", "wrong number", "wrong person", "please ignore",
                            "sent by mistake", "by accident", "unsubscribe me from this"),
                    CueList.of("other_weak", "廣告", "推銷", "徵人", "應徵", "實習生", "打工", "外送", "團購", "天氣",
                            "哈哈", "測試", "test", "are you hiring", "recipe", "weather", "joke", "who is this",
                            "promotion", "discount", "% off")));

    /** Hello, thanks, goodbye: the intent only when nothing else matched. */
    static final CueList GREETING = CueList.of("greeting",
            "你好", "您好", "哈囉", "嗨", "早安", "午安", "晚安", "謝謝", "感謝", "多謝", "再見", "拜拜", "掰掰",
            "新年快樂", "哈喽", "早上好", "下午好", "晚上好",
            "安安", "哈嘍", "收到", "好的", "了解", "知道了", "好喔", "沒問題",
            "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "thanks", "thank you", "thx",
            "bye", "goodbye", "cheers", "happy new year", "ok", "okay", "got it", "noted",
            "have a nice day", "see you", "good night");

    /** Thanks in a message that says nothing else is a warm one. */
    static final CueList THANKS = CueList.of("thanks",
            "謝謝", "感謝", "多謝", "感恩", "thanks", "thank you", "thx", "cheers");

    static final CueList ANGRY = CueList.of("angry",
            "非常不滿", "很不滿", "生氣", "氣死", "很氣", "火大", "不爽", "太扯", "離譜", "誇張", "爛", "垃圾", "搞什麼", "什麼鬼", "受夠",
            "無法接受", "不能接受", "太過分", "過分", "騙子", "詐騙", "騙錢", "黑心", "憤怒", "欺負", "給個交代",
            "給我一個交代", "搞什么", "受够", "给个说法",
            "氣憤", "莫名其妙", "豈有此理", "欺人太甚", "抓狂", "傻眼", "惡劣", "不負責任", "耍我", "差勁", "白痴",
            "angry", "furious", "pissed", "outrage*", "ridiculous", "unacceptable", "fed up", "sick of", "scam*",
            "rip-off", "ripoff", "worst", "disgust*", "how dare", "wtf", "incompetent", "useless", "shame on",
            "absurd", "infuriat*", "livid", "disgrace*", "pathetic", "a joke", "insult*", "irresponsible",
            "what the hell", "sick and tired", "had enough", "enough is enough",
            "失望", "心寒", "不尊重", "難以接受", "令人遺憾", "深表遺憾", "遺憾", "不像話", "不應該發生", "請正視", "太不專業", "太不負責", "太不尊重",
            "到底有沒有", "到底在做什麼", "到底在幹嘛", "有沒有在做事", "敷衍", "不可理喻", "說不過去",
            "disappointed", "disappointing", "not acceptable", "expected better", "expect better", "do better",
            "not ok", "not okay", "unprofessional", "appalled", "annoyed", "upset", "frustrated", "frustrating",
            "re:[!]{3,}");

    static final CueList ANXIOUS = CueList.of("anxious",
            "擔心", "害怕", "好怕", "很怕", "緊張", "焦慮", "不安", "怎麼辦", "睡不著", "很急", "急死", "好急", "慌",
            "崩潰", "完蛋", "拜託", "求救", "求助", "無助", "不知所措", "心急", "著急", "煩惱",
            "焦急", "心慌", "壓力很大", "壓力好大", "擔憂", "憂心", "恐懼", "驚慌", "手足無措", "失眠", "很煩",
            "怕會", "怕被", "會不會被", "萬一",
            "worried", "worry", "worrying", "anxious", "nervous", "scared", "afraid", "panic*", "stressed",
            "desperate", "what should i do", "what do i do", "losing sleep", "can't sleep", "concerned",
            "freaking out", "please help", "help me", "overwhelmed", "frightened", "terrified", "stressful",
            "at a loss", "don't know what to do", "fear*",
            "睡不好", "吃不下", "沒底", "好慌", "很慌", "來得及嗎", "保不住", "會失去", "失去房子", "被趕出", "一直哭",
            "好無助", "該如何是好", "會不會有事", "很無奈", "束手無策", "嚇到", "好恐怖", "好可怕", "快撐不下去",
            "lose my house", "lose my home", "lose my job", "losing my", "too late", "what happens if", "what will happen",
            "is it too late", "can't afford", "cannot afford", "sleepless", "in trouble", "desperately",
            "urgently need", "i need help", "is it serious", "i'm afraid", "shaking");

    /** Warm words; a bare "thanks" is {@link #GREETING} and counts as positive only when that is all there is. */
    static final CueList POSITIVE = CueList.of("positive",
            "非常感謝", "很感謝", "感謝你們", "感謝您", "非常謝謝", "謝謝你們", "太好了", "好棒", "很棒", "辛苦了",
            "幫了大忙", "很滿意", "放心了", "開心", "高興", "感恩", "太感謝", "幫大忙",
            "太棒了", "真好", "好開心", "謝天謝地", "感激", "感動", "貼心", "很專業", "效率很高", "順利", "讚",
            "thank you so much", "thanks so much", "thanks a lot", "many thanks", "thanks for", "thank you for",
            "appreciate*", "grateful", "great", "awesome", "wonderful", "perfect", "excellent", "relieved", "happy",
            "glad", "love", "thanks again", "much appreciated", "you're the best", "fantastic", "amazing",
            "brilliant", "pleased", "delighted", "helpful", "good news");

    /** A deadline within about 48 hours. */
    static final CueList DEADLINE = CueList.of("deadline",
            "今天", "今晚", "今日", "明天", "明早", "明晚", "後天", "兩天內", "一天內", "截止日", "最後一天",
            "明日", "隔天", "來不及", "這兩天", "一兩天",
            "re:(?<![0-9])(24|48|二十四|四十八)\\s*(小時|hours?|hrs?|h)(?![a-z])",
            "today", "tonight", "tomorrow", "within a day", "within two days", "due tomorrow", "last day",
            "end of day", "eod", "end of the day", "this afternoon", "this evening", "in two days", "in 2 days",
            "within 2 days", "first thing");

    /**
     * Harm being done or threatened to a person now: arrest, violence, a threat, self-harm, being thrown out. Always for a
     * person, and high urgency.
     */
    static final CueList IMMINENT_HARM = CueList.of("imminent_harm",
            "被抓", "被捕", "逮捕", "拘提", "家暴", "威脅", "恐嚇", "自殺", "人身安全", "被打", "跟蹤", "被趕出",
            "在警局", "在派出所", "來警局", "來派出所", "到警局來", "到派出所來",
            "arrest*", "detained", "threaten*", "violence", "abuse*", "suicid*", "unsafe", "in danger", "locked up",
            "kicked out", "at the police station", "in police custody");

    /**
     * What names a harm's procedure or institution rather than the harm: the police, enforcement, seizure, detention,
     * custody, a protection order, an injury. Clients name them in calm questions about their own case ("強制執行的費用",
     * "did the police reply?") as often as in an emergency, so with a model they count as imminent harm only when the
     * message also reads urgent or distressed; the rules alone count them always (recall first).
     */
    static final CueList HARM_TOPIC = CueList.of("harm_topic",
            "拘留", "羈押", "收押", "警察", "警局", "派出所", "查封", "扣押", "強制執行", "扣薪", "法拍", "保護令", "通緝",
            "限制出境", "遣返", "驅逐", "凍結", "坐牢", "入獄", "受傷",
            "custody", "police", "evict*", "seiz*", "garnish*", "foreclos*", "restraining order", "jail", "prison",
            "deport*", "frozen", "warrant");

    /** The writer says it is urgent. */
    static final CueList EXPLICITLY_URGENT = CueList.of("explicitly_urgent",
            "緊急", "急件", "十萬火急", "馬上", "立刻", "立即", "火速", "急需", "趕時間", "刻不容緩",
            "urgent*", "emergency", "immediately", "right away", "right now", "time-sensitive", "time sensitive",
            "top priority", "at once");

    /** Wants an answer within days. */
    static final CueList SOON = CueList.of("soon",
            "盡快", "儘快", "趕快", "快點", "早點", "這週", "這禮拜", "本週", "這星期", "下週", "下禮拜", "下星期",
            "幾天內", "近期", "月底", "期限", "截止", "催", "等很久", "等了", "一直在等", "開庭", "庭期", "傳票",
            "这周", "本周", "下周",
            "過幾天", "近日", "這幾天", "月初", "兩週內", "一週內", "七天內", "十天內", "早日",
            "asap", "as soon as possible", "soon", "this week", "next week", "end of the month", "end of month",
            "in a few days", "within a few days", "deadline", "quickly", "promptly", "hearing", "summons",
            "court date", "been waiting", "still waiting",
            "within a week", "within the week", "in the coming days", "shortly", "at your earliest convenience",
            "end of the week",
            "re:by (monday|tuesday|wednesday|thursday|friday|saturday|sunday)");

    /** Contacted again and again without an answer. */
    static final CueList REPEATED_CONTACT = CueList.of("repeated_contact",
            "第二次", "第三次", "好幾次", "很多次", "多次", "一再", "再三", "一直打", "一直問", "還是沒",
            "再一次", "幾次了", "多少次", "一直催", "等了很久", "上次也", "每次都",
            "again", "second time", "third time", "several times", "many times", "multiple times", "repeatedly",
            "keep calling", "still no", "still haven't", "once again", "yet again", "how many times",
            "for weeks", "for months", "still not");

    /**
     * A threat aimed at the firm: suing or reporting the firm itself, the bar, going to the press. Always for a person.
     */
    static final CueList THREAT = CueList.of("threat",
            "告你們", "告你", "告死你們", "告貴所", "告你們事務所", "爆料", "公開此事", "投書", "律師公會", "懲戒",
            "律师协会", "举报你们", "投訴到", "網路上公開", "發文公開", "po文", "po上網",
            "sue you", "sue your firm", "suing you", "suing your firm", "legal action against you", "legal action against your firm",
            "report you", "reporting you", "report your firm", "report this to", "bar association", "law society", "state bar",
            "disciplinary", "grievance", "go public", "post online",
            "re:(post|write|share|put|tell)( it| this| everyone| about (it|this|you|your firm))? (on|to) (facebook|social media|reddit|twitter|threads|instagram|google|line groups?)",
            "take my business elsewhere", "file a complaint with", "see you in court");

    /**
     * Ending the engagement or changing lawyers: a threat to the firm, except in a calm writer's own hypothetical question
     * about the firm's terms ({@link #OWN_HYPOTHETICAL}: "如果我之後想解除委任，費用可以退嗎？").
     */
    static final CueList ENDING_ENGAGEMENT = CueList.of("ending_engagement",
            "解除委任", "終止委任", "取消委任", "不再委任", "不想再委任", "換律師", "換事務所", "另找律師", "找別的律師",
            "找其他律師", "另請高明", "不委託了", "解除委托", "终止委托", "换律所",
            "cancel my contract", "end our engagement", "end the engagement", "fire you", "firing you",
            "another firm", "different firm", "another lawyer", "new lawyer", "switch firm*", "find another lawyer");

    /**
     * The writer's own "what if": a condition on what the writer (not the firm) might do, as in "if I", "如果我", "萬一我".
     */
    static final CueList OWN_HYPOTHETICAL = CueList.of("own_hypothetical",
            "re:\\b(?:what )?if (?:i|we) (?:later |ever |decide|want|wish|choose|change|cancel|end|terminate|stop|switch)",
            "re:\\bin case (?:i|we)\\b", "re:\\bwhat happens if (?:i|we)\\b",
            "re:(?:如果|假如|要是|萬一|万一|假設|假设|若)(?:我|我們|我们)[^,.;:!?。、]{0,6}?(?:想|要|決定|决定|打算|真的)");

    /**
     * Threat words that as often name the client's own matter: the press, a regulator or consumer body, reviews, ending a
     * contract ("房東要解約", "the termination notice", "負評洗版可以告嗎"). A threat to the firm only in a complaint or from an
     * angry writer.
     */
    static final CueList THREAT_OR_MATTER = CueList.of("threat_or_matter",
            "媒體", "記者", "上新聞", "負評", "消基會", "消保官", "消保會", "公平會", "主管機關", "解約", "終止合作", "取消合約",
            "終止合約", "消协", "曝光", "差评", "黑猫投诉", "12315", "臉書", "google評論", "一星", "ptt", "dcard",
            "journalist*", "the press", "the news", "regulator", "bad review", "negative review", "leave a review",
            "write a review", "google review", "one star", "1-star", "yelp", "cancel the contract", "terminate",
            "termination", "consumer protection", "ombudsman", "chargeback", "dispute the charge");

    /**
     * Legal action in general words: a threat to the firm when the writer complains or is angry, and otherwise, most
     * often, what the client wants to do to the other side (a case, not a threat).
     */
    static final CueList LEGAL_ACTION = CueList.of("legal_action",
            "提告", "要告", "法律途徑", "法律行動", "法律程序", "提起訴訟", "法院見", "告到底", "去告", "告上法院",
            "sue", "suing", "lawsuit against", "legal action", "take this further", "lawyer up", "my own lawyer");

    /**
     * Asks for a professional judgement a machine must not give: whether to sign, accept, settle, appeal, plead, pay;
     * the chances; what the lawyer would do. Written from how clients ask, in both Chinese scripts (folded) and English.
     */
    /**
     * Words of a writer who weighs options or asks what to think, more loosely than {@link #JUDGEMENT}: a question with
     * them is no plain question for information, whatever its intent.
     */
    static final CueList WEIGHS_OPTIONS = CueList.of("weighs_options",
            "覺得", "觉得", "要不要", "该不该", "該不該", "應該", "应该", "接受", "答應", "答应", "划算", "合理", "公平", "值得",
            "建議", "建议", "意見", "意见", "妥當", "妥当", "有利", "勝算", "胜算", "還是", "还是", "比較好", "比较好", "可以嗎",
            "can we", "should i", "should we", "do you think", "what do you think", "is it fair", "is it worth",
            "is it better", "is it wise", "is it ok", "accept", "agree to", "offer", "advice", "advise", "recommend",
            "better to", "or should", "worth it", "fair");

    static final CueList JUDGEMENT = CueList.of("professional_judgement",
            "該不該", "應不應該", "要不要簽", "可不可以簽", "可以簽嗎", "能簽嗎", "能不能簽", "該簽嗎", "應該簽嗎", "簽了會",
            "值不值得", "值得嗎", "值得打", "勝算", "贏面", "勝訴機率", "勝訴的機會", "贏的機會", "機率多大", "打得贏",
            "告得贏", "告得成", "會不會判", "會被判", "判幾年", "判多久", "能贏嗎", "會贏嗎", "會輸嗎", "建議我",
            "怎麼做比較好", "哪個比較好", "哪個比較有利", "比較有利", "划算嗎", "划不划算", "划得來", "吃虧嗎",
            "會不會吃虧", "會吃虧", "妥當嗎", "這樣做對嗎", "這樣對嗎", "接受和解", "要不要和解", "該和解嗎", "要和解嗎",
            "該怎麼選", "有沒有機會贏", "有沒有必要", "要不要上訴", "該上訴嗎", "要不要提告", "要不要告", "可以告嗎",
            "要不要撤", "要不要認罪", "要認罪嗎", "該認罪", "會坐牢嗎", "會被關嗎", "合法嗎", "違法嗎", "我有沒有責任",
            "要負責嗎", "你覺得我", "您覺得我", "你覺得我們", "您覺得我們", "你們覺得", "律師覺得", "律師認為", "您看我們",
            "你看我們", "有什麼建議", "您建議", "你建議", "換作是你", "如果是你", "如果是您", "你會怎麼做", "您會怎麼做",
            "還是直接起訴", "還是直接告", "還是提告", "還是上訴", "還是打官司", "還是走訴訟",
            "re:(要不要|該不該|應不應該|能不能|可不可以)(接受|答應|同意|簽|收|和解|上訴|提告|認罪|撤回|放棄|賣|買回|付)",
            "re:(該|應該|可以|能)(接受|答應|同意|收下?|和解|上訴|提告|認罪|撤回|放棄)(嗎|呢)",
            "re:(條件|價格?|金額|方案|提議|offer)\\s*(能|可以|值得|合理)(接受)?(嗎|吗)",
            "should i sign", "should i accept", "should i settle", "should i agree", "should we sign", "should we accept",
            "should we settle", "should we agree", "do i have a case", "do we have a case", "what are my chances",
            "what are our chances", "chance of winning", "chances of winning", "will i win", "will we win", "will i lose",
            "is it worth", "worth fighting", "worth appealing", "worth pursuing", "would you advise",
            "would you recommend", "what would you recommend", "what do you recommend", "what do you advise",
            "what would you advise", "your advice", "your opinion", "your professional opinion", "in your opinion",
            "legal advice", "is it legal", "am i liable", "can they sue me", "should i appeal", "should we appeal",
            "should i file", "should i sue", "should we sue", "can i sue", "would i win", "is this a good deal",
            "fair offer", "good offer", "reasonable offer", "is the offer fair", "take the offer", "accept the offer",
            "what would you do", "would it be better", "would it be wiser", "is it smarter", "your professional view",
            "your view on", "do you think i should", "do you think we should", "is it better to", "is it wise",
            "is it a good idea to", "go to jail", "go to prison", "am i responsible", "my options", "realistic chance",
            "real chance", "likely to win", "likely to succeed", "stand a chance", "plead guilty",
            "re:should (i|we) (just )?(sign|accept|settle|agree|take|appeal|sue|file|drop|withdraw|plead|fight|counter|reject"
                    + "|refuse|give up|concede|go to court|change|sell|buy|move out|stop paying|pay (him|her|them)|respond to)",
            "re:would you (sign|accept|take|settle|agree|appeal|fight)",
            "re:or (go|going) to court", "re:or push for");

    private TriageLexicon() {
    }
}
