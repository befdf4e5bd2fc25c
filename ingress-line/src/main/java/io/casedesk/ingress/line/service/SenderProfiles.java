package io.casedesk.ingress.line.service;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.UserProfileResponse;
import io.casedesk.ingress.line.config.LineConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Display name and language of LINE users, fetched once per user with the SDK's {@code getProfile} and kept. */
@Singleton
public class SenderProfiles {

    /** A profile as far as CaseDesk uses it. */
    public record SenderProfile(String displayName, String language) {
    }

    private static final Logger LOG = Logger.getLogger(SenderProfiles.class);
    private static final int CAPACITY = 10_000;

    private final MessagingApiClient client;
    private final Duration timeout;
    private final Map<String, SenderProfile> profiles = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SenderProfile> eldest) {
                    return size() > CAPACITY;
                }
            });

    public SenderProfiles(MessagingApiClient client, LineConfig config) {
        this.client = client;
        this.timeout = config.profileTimeout();
    }

    /** The user's profile; empty (never a failure) when LINE does not answer in time or has none. */
    public Uni<Optional<SenderProfile>> lookup(String userId) {
        SenderProfile known = profiles.get(userId);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        return Uni.createFrom().completionStage(() -> client.getProfile(userId))
                .map(result -> toProfile(result.body()))
                .invoke(profile -> profiles.put(userId, profile))
                .map(Optional::of)
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("No profile for the sender: %s", failure.getClass().getSimpleName());
                    return Optional.empty();
                });
    }

    private static SenderProfile toProfile(UserProfileResponse response) {
        return new SenderProfile(response.displayName(), response.language());
    }
}
