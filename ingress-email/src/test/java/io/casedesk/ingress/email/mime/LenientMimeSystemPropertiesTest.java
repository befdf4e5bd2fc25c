package io.casedesk.ingress.email.mime;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test JVM has Jakarta Mail's leniency switches as system properties, as the service sets them at start: most
 * switches are read only from there, so without them the tests would parse mail more strictly than the service.
 * surefire and failsafe read them from {@code lenient-mime.properties} (pom.xml); this checks surefire's JVM and
 * {@link LenientMimeSystemPropertiesIT} failsafe's.
 */
class LenientMimeSystemPropertiesTest {

    @Test
    void everyLeniencySwitchIsASystemPropertyOfTheTestJvm() {
        Properties switches = LenientMime.switches();

        assertThat(switches).containsEntry("mail.mime.multipart.ignoremissingendboundary", "true")
                .containsEntry("mail.mime.decodetext.strict", "false");
        switches.forEach((key, value) ->
                assertThat(System.getProperty((String) key)).as("system property %s", key).isEqualTo(value));
    }
}
