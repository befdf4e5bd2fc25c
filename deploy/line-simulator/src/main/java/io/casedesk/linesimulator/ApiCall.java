package io.casedesk.linesimulator;

/**
 * One reply or push request the bot made, whatever the simulator answered: tests assert the exact sequence
 * (a 429, then the retry with the same key).
 *
 * @param chatId       the chat the request was for (for a reply: the chat of its token)
 * @param method       {@code reply} or {@code push}
 * @param status       the HTTP status the simulator answered
 * @param replyToken   the reply token, for replies
 * @param retryKey     the {@code X-Line-Retry-Key}, for pushes that carried one
 * @param messageCount how many messages the request held
 */
public record ApiCall(String chatId, String method, int status, String replyToken, String retryKey, int messageCount) {
}
