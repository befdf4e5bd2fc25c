package io.casedesk.ingress.email.mime;

/**
 * The same check in failsafe's JVM, where GreenMail parses mail beside the service. After an in-process service test
 * it holds anyway (the service sets the same values at start); run first or alone
 * ({@code -Dit.test=LenientMimeSystemPropertiesIT}) it checks what failsafe itself gives the JVM.
 */
class LenientMimeSystemPropertiesIT extends LenientMimeSystemPropertiesTest {
}
