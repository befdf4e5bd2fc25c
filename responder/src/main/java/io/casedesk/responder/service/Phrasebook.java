package io.casedesk.responder.service;

import java.util.Map;

/**
 * The fixed wording of the local engine's answers, per language. Placeholders are filled only with
 * facts from the customer's own record or the firm's knowledge base.
 */
record Phrasebook(
        String caseHeader,
        String casesHeader,
        String caseNumber,
        String status,
        String stage,
        String nextStep,
        String assignee,
        String outstandingFee,
        String noOutstandingFee,
        String noNextStep,
        String noOpenCases,
        String askWhichCase,
        String caseNotFound,
        String linkIdentity,
        String greetingReply,
        String welcome,
        String notUnderstood,
        String noArticle,
        String articleIntro,
        String handoffAcknowledgement,
        String closing,
        String automated,
        Map<String, String> statusLabels) {

    static Phrasebook of(ReplyLanguage language) {
        return switch (language) {
            case ZH_HANT -> ZH_HANT;
            case ZH_HANS -> ZH_HANS;
            case EN -> EN;
        };
    }

    String statusLabel(String status) {
        return statusLabels.getOrDefault(status, status);
    }

    private static final Phrasebook ZH_HANT = new Phrasebook(
            "以下是您的案件進度：",
            "您目前有 %d 件進行中的案件：",
            "案件編號：%s（%s）",
            "目前狀態：%s",
            "進度說明：%s",
            "下一步：%s %s",
            "承辦：%s",
            "待繳費用：%s %s",
            "目前沒有待繳費用紀錄。",
            "下一步：尚未排定，排定後會再通知您。",
            "目前查無您進行中的案件紀錄。若您認為有誤，請回覆「專人」，由同仁為您確認。",
            "想了解哪一件的詳細進度？請回覆案件編號。",
            "查無這個案件編號的紀錄，請確認編號是否正確，或回覆「專人」由同仁協助。",
            "為保護您的個人資料，我們需要先確認您的身分，才能提供案件資訊。請回覆您的案件編號及本所提供的驗證碼，或回覆「專人」由同仁協助。",
            "很高興為您服務，請問有什麼可以協助您的嗎？",
            "感謝您加入本所的官方帳號！您可以直接詢問案件進度、開庭時間、費用或需要準備的文件。",
            "不好意思，我不太確定您的問題。您可以換個方式描述，或回覆「專人」由同仁協助。",
            "這個問題我無法從現有資料回答，已請同仁協助，將盡快回覆您。",
            "以下資訊供您參考：",
            "已收到您的訊息，我們已請同仁協助，將盡快回覆您。",
            "如有其他問題，歡迎隨時詢問。",
            "（本訊息由自動助理依案件紀錄回覆）",
            Map.of("intake", "受理中", "in_progress", "處理中", "awaiting_client", "等待您提供資料或回覆",
                    "awaiting_court", "等待法院程序", "closed", "已結案"));

    private static final Phrasebook ZH_HANS = new Phrasebook(
            "以下是您的案件进度：",
            "您目前有 %d 件进行中的案件：",
            "案件编号：%s（%s）",
            "目前状态：%s",
            "进度说明：%s",
            "下一步：%s %s",
            "承办：%s",
            "待缴费用：%s %s",
            "目前没有待缴费用记录。",
            "下一步：尚未排定，排定后会再通知您。",
            "目前查无您进行中的案件记录。若您认为有误，请回复「专人」，由同事为您确认。",
            "想了解哪一件的详细进度？请回复案件编号。",
            "查无这个案件编号的记录，请确认编号是否正确，或回复「专人」由同事协助。",
            "为保护您的个人资料，我们需要先确认您的身份，才能提供案件信息。请回复您的案件编号及本所提供的验证码，或回复「专人」由同事协助。",
            "很高兴为您服务，请问有什么可以协助您的吗？",
            "感谢您关注本所的官方账号！您可以直接询问案件进度、开庭时间、费用或需要准备的文件。",
            "不好意思，我不太确定您的问题。您可以换个方式描述，或回复「专人」由同事协助。",
            "这个问题我无法从现有资料回答，已请同事协助，将尽快回复您。",
            "以下信息供您参考：",
            "已收到您的消息，我们已请同事协助，将尽快回复您。",
            "如有其他问题，欢迎随时询问。",
            "（本消息由自动助理依案件记录回复）",
            Map.of("intake", "受理中", "in_progress", "处理中", "awaiting_client", "等待您提供资料或回复",
                    "awaiting_court", "等待法院程序", "closed", "已结案"));

    private static final Phrasebook EN = new Phrasebook(
            "here is the latest on your case:",
            "you have %d open cases:",
            "Case %s (%s)",
            "Status: %s",
            "Stage: %s",
            "Next step: %s %s",
            "Handled by: %s",
            "Outstanding fee: %s %s",
            "There is no outstanding fee on record.",
            "Next step: not scheduled yet; we will let you know once it is.",
            "We could not find an open case under your name. If you think this is wrong, reply \"agent\" and a colleague will check.",
            "Which case would you like details on? Please reply with its case number.",
            "We could not find a case with that number. Please check the number, or reply \"agent\" and a colleague will help.",
            "To protect your personal data we need to confirm who you are before we share any case information. Please reply with your case number and the verification code our office gave you, or reply \"agent\" for a colleague.",
            "Happy to help. What can we do for you?",
            "Thank you for adding our official account! You can ask here about your case's progress, hearing dates, fees or the documents to prepare.",
            "Sorry, I am not sure what you are asking. Could you put it another way, or reply \"agent\" and a colleague will help.",
            "I cannot answer this from the information we have, so I have asked a colleague, who will reply shortly.",
            "This may help:",
            "We have received your message and asked a colleague to help; they will reply shortly.",
            "If you have any other questions, just ask.",
            "(This reply was written by our automated assistant from your case record.)",
            Map.of("intake", "being opened", "in_progress", "in progress", "awaiting_client",
                    "waiting for documents or a reply from you", "awaiting_court", "waiting for the court",
                    "closed", "closed"));
}
