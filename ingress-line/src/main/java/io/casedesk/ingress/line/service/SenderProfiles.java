package io.casedesk.ingress.line.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.UserProfileResponse;
import io.casedesk.ingress.line.config.LineConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Display name and language of LINE users, fetched with the SDK's {@code getProfile} and kept for
 * {@code profile-ttl}; that a user has no profile (LINE's 404) is kept for {@code missing-profile-ttl}. A timeout or
 * another failure is not kept: the next message asks again.
 */
@Singleton
public class SenderProfiles {

    /** A profile as far as CaseDesk uses it. */
    public record SenderProfile(String displayName, String language) {
    }

    private static final Logger LOG = Logger.getLogger(SenderProfiles.class);
    private static final int CAPACITY = 10_000;

    private final MessagingApiClient client;
    private final Duration timeout;
    private final Cache<String, Optional<SenderProfile>> profiles;

    public SenderProfiles(MessagingApiClient client, LineConfig config) {
        this.client = client;
        this.timeout = config.profileTimeout();
        Duration found = config.profileTtl();
        Duration missing = config.missingProfileTtl();
        this.profiles = Caffeine.newBuilder()
                .maximumSize(CAPACITY)
                .expireAfter(Expiry.creating((String userId, Optional<SenderProfile> profile) ->
                        profile.isPresent() ? found : missing))
                .build();
    }

    /** The user's profile; empty (never a failure) when LINE has none or does not answer in time. */
    public Uni<Optional<SenderProfile>> lookup(String userId) {
        Optional<SenderProfile> known = profiles.getIfPresent(userId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().completionStage(() -> client.getProfile(userId))
                .map(result -> Optional.of(toProfile(result.body())))
                .invoke(profile -> profiles.put(userId, profile))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof AbstractLineClientException answered && answered.getCode() == 404) {
                        profiles.put(userId, Optional.empty());
                    } else {
                        LOG.debugf("No profile for the sender: %s", failure.getClass().getSimpleName());
                    }
                    return Optional.empty();
                });
    }

    private static SenderProfile toProfile(UserProfileResponse response) {
        return new SenderProfile(response.displayName(), response.language());
    }
}
