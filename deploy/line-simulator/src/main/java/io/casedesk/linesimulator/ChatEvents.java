package io.casedesk.linesimulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The recent events of every chat, in order, and who listens for new ones (the web page's event streams).
 * Thread-safe; listeners are called on the publishing thread and must not block.
 */
final class ChatEvents {

    /** Enough for a long local session; older events fall off (the chat log keeps every bot message). */
    static final int HISTORY_LIMIT = 5000;

    private final Deque<ChatEvent> history = new ArrayDeque<>();
    private final Set<Consumer<ChatEvent>> listeners = new CopyOnWriteArraySet<>();
    private long lastId;

    /** Publishes the event {@code create} makes with the next id; returns it. */
    ChatEvent publish(LongFunction<ChatEvent> create) {
        ChatEvent event;
        synchronized (this) {
            event = create.apply(++lastId);
            history.addLast(event);
            if (history.size() > HISTORY_LIMIT) {
                history.removeFirst();
            }
            // Under the lock, so a listener sees events in id order and none twice with its backlog.
            listeners.forEach(listener -> listener.accept(event));
        }
        return event;
    }

    /** Adds {@code listener} for events from now on; returns the kept events after {@code afterId}, atomically. */
    synchronized List<ChatEvent> subscribe(Consumer<ChatEvent> listener, long afterId) {
        listeners.add(listener);
        return history.stream().filter(event -> event.id() > afterId).toList();
    }

    void unsubscribe(Consumer<ChatEvent> listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    /** The kept events of one chat, oldest first. */
    synchronized List<ChatEvent> chat(String chatId) {
        List<ChatEvent> chat = new ArrayList<>();
        for (ChatEvent event : history) {
            if (event.chatId().equals(chatId)) {
                chat.add(event);
            }
        }
        return chat;
    }
}
