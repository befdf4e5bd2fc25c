package io.casedesk.linesimulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the bot sent, per chat, with waiting for new messages. Thread-safe. */
final class ChatLog {

    private final Map<String, List<BotMessage>> messagesByChat = new HashMap<>();
    private final Map<String, Integer> loadingStartsByChat = new HashMap<>();
    private final Map<String, Integer> profileLookupsByUser = new HashMap<>();
    private final Map<String, List<ApiCall>> callsByChat = new HashMap<>();
    private final Map<String, Deque<ScriptedFailure>> failuresByChat = new HashMap<>();

    synchronized void record(BotMessage message) {
        messagesByChat.computeIfAbsent(message.chatId(), chat -> new ArrayList<>()).add(message);
        notifyAll();
    }

    synchronized void recordCall(ApiCall call) {
        callsByChat.computeIfAbsent(call.chatId(), chat -> new ArrayList<>()).add(call);
    }

    synchronized List<ApiCall> calls(String chatId) {
        return List.copyOf(callsByChat.getOrDefault(chatId, List.of()));
    }

    synchronized void queueFailures(String chatId, int count, ScriptedFailure failure) {
        Deque<ScriptedFailure> queue = failuresByChat.computeIfAbsent(chatId, chat -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(failure);
        }
    }

    /** The failure to answer the next send to {@code chatId} with, if one is queued; it is used up. */
    synchronized Optional<ScriptedFailure> nextFailure(String chatId) {
        Deque<ScriptedFailure> queue = failuresByChat.get(chatId);
        return Optional.ofNullable(queue == null ? null : queue.poll());
    }

    synchronized void recordLoadingStart(String chatId) {
        loadingStartsByChat.merge(chatId, 1, Integer::sum);
    }

    synchronized int loadingStarts(String chatId) {
        return loadingStartsByChat.getOrDefault(chatId, 0);
    }

    synchronized void recordProfileLookup(String userId) {
        profileLookupsByUser.merge(userId, 1, Integer::sum);
    }

    synchronized int profileLookups(String userId) {
        return profileLookupsByUser.getOrDefault(userId, 0);
    }

    synchronized List<BotMessage> chat(String chatId) {
        return List.copyOf(messagesByChat.getOrDefault(chatId, List.of()));
    }

    synchronized int size(String chatId) {
        return messagesByChat.getOrDefault(chatId, List.of()).size();
    }

    /** Waits until the chat holds at least {@code atLeast} messages or {@code timeout} passes; returns the chat. */
    synchronized List<BotMessage> awaitSize(String chatId, int atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size(chatId) < atLeast) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            waitNanos(remaining);
        }
        return chat(chatId);
    }

    /**
     * The messages that arrive after the first {@code known} ones: waits up to {@code timeout} for the first,
     * then keeps collecting until the chat has been quiet for {@code settle}, since a bot may answer in
     * several requests (an acknowledgement, then the answer). Empty when nothing arrived in time.
     */
    synchronized List<BotMessage> awaitNewMessages(String chatId, int known, Duration timeout, Duration settle)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (awaitSize(chatId, known + 1, timeout).size() <= known) {
            return List.of();
        }
        int seen = size(chatId);
        long quietUntil = System.nanoTime() + settle.toNanos();
        while (true) {
            long remaining = Math.min(quietUntil, deadline) - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            waitNanos(remaining);
            if (size(chatId) > seen) {
                seen = size(chatId);
                quietUntil = System.nanoTime() + settle.toNanos();
            }
        }
        List<BotMessage> all = chat(chatId);
        return List.copyOf(all.subList(known, all.size()));
    }

    private void waitNanos(long nanos) throws InterruptedException {
        wait(Math.max(1, nanos / 1_000_000));
    }
}
