package io.casedesk.responder.service;

import java.util.regex.Pattern;

/**
 * What a message asks for, where the triage's intent alone does not say enough to answer it well: what the writer still
 * owes (a fee question whatever its intent), how to pay (the firm's published payment article belongs in the answer),
 * and requests only a person may grant (waiving an invoice) or that try to instruct the bot itself.
 */
final class QuestionCues {

    /** "How much do I owe", "還有哪些費用沒繳", "還有費用要繳嗎", "outstanding balance". */
    private static final Pattern OWED = Pattern.compile(
            "\\bowe[ds]?\\b|\\boutstanding\\b|\\bbalance\\b|\\bunpaid\\b|\\bamount due\\b|\\b(?:fees?|invoices?|bills?)\\s+"
                    + "(?:due|left|remaining|still)|\\bstill (?:have to|need to) pay\\b|\\bhow much (?:do|should|must) (?:i|we) pay\\b|"
                    + "還欠|还欠|欠多少|欠你們|欠你们|沒繳|没缴|沒付|没付|未繳|未缴|未付|尚未支付|待繳|待缴|應繳|应缴|要繳多少|要缴多少|"
                    + "還要付|还要付|還需要付|还需要付|尾款|費用還有|费用还有|費用多少|费用多少|"
                    + "(?:費用|费用|錢|钱)(?:要|需要|還要|还要)(?:繳|缴|付)|還要繳|还要缴|需要繳|需要缴",
            Pattern.CASE_INSENSITIVE);

    /**
     * "If I cancel ...", "如果我解除委任 ...", "Once my case is closed, ...", "結案後 ...": the writer asks what would
     * happen, the firm's rule, not their record.
     */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "\\b(?:what )?if (?:i|we)\\b|\\bin case (?:i|we)\\b|(?:如果|假如|要是|萬一|万一|假設|假设)(?:我|我們|我们)|"
                    + "\\b(?:once|after|when) (?:my|our|the) (?:cases?|matters?) (?:with you )?"
                    + "(?:is |are |has been |have been |gets? )?(?:closed|over|finished|done|ended|wrapped up|concluded)\\b|"
                    + "(?:結案|结案|案子結束|案子结束|案件結束|案件结束)(?:後|后|以後|以后|之後|之后)",
            Pattern.CASE_INSENSITIVE);

    /** "How do I pay", "可以刷卡嗎", "bank transfer", "匯款帳號". */
    private static final Pattern HOW_TO_PAY = Pattern.compile(
            "\\bhow (?:do|can|should|may) (?:i|we) pay\\b|\\bpay(?:ing)? (?:by|with|via|online)\\b|\\bpayment (?:method|option|link)s?\\b|"
                    + "\\bbank (?:transfer|account|details)\\b|\\bwire\\b|\\bcredit card\\b|"
                    + "怎麼付|怎么付|如何付|怎麼繳|怎么缴|如何繳|如何缴|付款方式|繳費方式|缴费方式|匯款|汇款|轉帳|转账|刷卡|信用卡|帳號|账号|銀行|银行",
            Pattern.CASE_INSENSITIVE);

    /**
     * A request to waive, write off or treat as paid what the record says is owed, or words addressed to the bot's
     * instructions: neither is for the bot to grant or obey.
     */
    private static final Pattern FOR_A_PERSON_TO_GRANT = Pattern.compile(
            "\\bwaive[ds]?\\b|\\bwrite (?:it |them )?off\\b|\\bwritten off\\b|\\bmark(?:ed)? (?:it|them|my \\w+|the \\w+|this \\w+) "
                    + "(?:as )?(?:paid|settled|waived|closed)\\b|\\bcancel (?:my|the|this) (?:invoice|bill|fee)s?\\b|"
                    + "\\bignore (?:all |any |your |the )?(?:previous |prior |above |earlier )?(?:instructions|rules|prompts?)\\b|"
                    + "\\bdisregard (?:all |any |your |the )?(?:previous |prior |above )?(?:instructions|rules)\\b|\\bsystem prompt\\b|"
                    + "\\bforgive (?:the|my|this|that) (?:balance|fee|bill|debt|invoice)s?\\b|\\b(?:drop|reduce|lower|cut) (?:the|my|this|that) "
                    + "(?:fee|charge|balance|bill|invoice)s?\\b|\\ba discount on (?:my|the|this|that)\\b|\\blet me off\\b|"
                    + "免除|免掉|抹掉|抹零|少收|別收|别收|不要收|不用繳|不用缴|不必繳|不必缴|打個折|打个折|算便宜|折讓|折让|"
                    + "減免|减免|不用付|不必付|免費處理|免费处理|當作已付|当作已付|視為已付|视为已付|註銷|注销|取消(?:這筆|这笔|我的)?(?:帳單|账单|請款|请款|費用|费用)|"
                    + "忽略(?:之前|先前|以上|上面|前面)?的?(?:指示|指令|規則|规则|設定|设定)|你現在是|你现在是",
            Pattern.CASE_INSENSITIVE);

    /** "如果委託貴所辦理 ...", "if I hire you ...": someone weighing whether to hire the firm. */
    private static final Pattern PROSPECTIVE_CLIENT = Pattern.compile(
            "(?:如果|假如|若|要是)(?:我們|我们|我)?(?:要|想)?(?:委託|委托|委任|請|请|找)(?:貴所|贵所|你們|你们|您們|事務所|事务所|律師|律师)|"
                    + "(?:想|打算|考慮|考虑)(?:要)?(?:委託|委托|委任)(?:貴所|贵所|你們|你们)|委託的話|委托的话|"
                    + "\\bif (?:i|we) (?:hire|retain|engage|instruct) (?:you|your firm|a lawyer)\\b|"
                    + "\\bif you (?:take|handle|took|handled) (?:my|our|the|this) (?:case|matter)\\b|"
                    + "\\bwhat would (?:you|it) (?:charge|cost)\\b|\\bhow much would (?:you|it) (?:charge|cost)\\b|"
                    + "\\b(?:thinking of|considering) (?:hiring|retaining|engaging) (?:you|your firm)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * "Unrelated to my cases: ...", "跟我的案子沒關係，想問 ...": the writer says the question is not about their cases, so
     * it asks the firm, not the record.
     */
    private static final Pattern ASIDE_FROM_THEIR_CASES = Pattern.compile(
            "\\b(?:unrelated|not related|nothing to do) (?:to|with) (?:my|our|the) (?:own )?(?:cases?|matters?|files?)\\b|"
                    + "\\bnot (?:about|regarding|concerning) (?:my|our) (?:own )?(?:cases?|matters?)\\b|"
                    + "\\b(?:separate|apart|aside) from (?:my|our) (?:own )?(?:cases?|matters?)\\b|"
                    + "\\boff[- ]topic\\b|"
                    + "(?:跟|和|與|与)(?:我|我們|我们)?的?(?:案件|案子|官司|委任案)(?:無關|无关|沒關係|没关系|沒有關係|没有关系|沒有關聯|没有关联)|"
                    + "(?:不是|並非|并非)(?:關於|关于|要問|要问|問|问)?(?:我|我們|我们)?的?(?:案件|案子|官司)|"
                    + "(?:案件|案子|官司)(?:以外|之外)的|題外話|题外话",
            Pattern.CASE_INSENSITIVE);

    /** "調解是哪一天", "when is the next mediation", "any news on ...": a question about the case's progress or dates. */
    private static final Pattern ABOUT_THE_CASE = Pattern.compile(
            "哪一天|哪天|什麼時候|什么时候|何時|何时|幾點|几点|幾號|几号|進度|进度|進展|进展|開庭|开庭|調解|调解|辦到哪|办到哪|"
                    + "\\bwhen\\b|\\bwhat (?:date|day|time)\\b|\\bnext (?:hearing|mediation|session|step|court date)\\b|"
                    + "\\bany news\\b|\\b(?:update|news) on\\b|\\bstatus\\b|\\bprogress\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A question: a question mark, or the words a question starts or ends with. What is left of "other" without one
     * (spam, a misdial, noise) is answered with a request to rephrase; a question nothing answers goes to a person.
     */
    private static final Pattern A_QUESTION = Pattern.compile(
            "[?？]|^\\s*(?:can|could|would|will|do|does|did|is|are|was|were|may|should|what|when|where|which|who|why|how)\\b|"
                    + "[嗎吗呢]\\s*[。.!！]?\\s*$|什麼|什么|怎麼|怎么|如何|哪裡|哪里|哪裏|哪一|哪家|多少|幾|几|是否|能不能|可不可以|有沒有|有没有|請問|请问",
            Pattern.CASE_INSENSITIVE);

    private QuestionCues() {
    }

    /**
     * Someone weighing whether to hire the firm ("如果委託貴所辦理，費用大概多少", "how much would you charge if I hire you"):
     * a question about the firm's services, not about a case of theirs.
     */
    static boolean asksAsAProspectiveClient(String text) {
        return text != null && PROSPECTIVE_CLIENT.matcher(text).find();
    }

    static boolean isAQuestion(String text) {
        return text != null && A_QUESTION.matcher(text.strip()).find();
    }

    static boolean setsAsideTheirCases(String text) {
        return text != null && ASIDE_FROM_THEIR_CASES.matcher(text).find();
    }

    static boolean asksAboutTheCase(String text) {
        return text != null && ABOUT_THE_CASE.matcher(text).find();
    }

    static boolean asksWhatIsOwed(String text) {
        return text != null && OWED.matcher(text).find();
    }

    static boolean asksWhatWouldHappen(String text) {
        return text != null && HYPOTHETICAL.matcher(text).find();
    }

    static boolean asksHowToPay(String text) {
        return text != null && HOW_TO_PAY.matcher(text).find();
    }

    static boolean asksForWhatOnlyAPersonGrants(String text) {
        return text != null && FOR_A_PERSON_TO_GRANT.matcher(text).find();
    }
}
