package io.casedesk.responder.service;

import io.casedesk.responder.service.IdentityLinkFlow.CodeRequest;
import io.casedesk.responder.service.IdentityLinkFlow.WithCode;
import io.casedesk.responder.service.IdentityLinkFlow.WithSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityLinkFlowTest {

    @Test
    void readsACaseNumberWithASecret() {
        assertThat(IdentityLinkFlow.parse("2026-FAM-0142 4821")).contains(new WithSecret("2026-FAM-0142", "4821"));
        assertThat(IdentityLinkFlow.parse("案號2026-fam-0142，驗證碼：4821")).contains(new WithSecret("2026-FAM-0142", "4821"));
        assertThat(IdentityLinkFlow.parse("My case is 2026-LAB-0176 and the code is AB12")).contains(new WithSecret("2026-LAB-0176", "AB12"));
    }

    @Test
    void readsSixDigitsAsTheOneTimeCode() {
        assertThat(IdentityLinkFlow.parse("2026-FAM-0142 381920")).contains(new WithCode("2026-FAM-0142", "381920"));
    }

    @Test
    void readsARequestForACode() {
        assertThat(IdentityLinkFlow.parse("2026-FAM-0142 寄驗證碼")).contains(new CodeRequest("2026-FAM-0142"));
        assertThat(IdentityLinkFlow.parse("2026-LAB-0176 send code")).contains(new CodeRequest("2026-LAB-0176"));
        assertThat(IdentityLinkFlow.parse("please email me a code for 2026-LAB-0176")).contains(new CodeRequest("2026-LAB-0176"));
    }

    @Test
    void aCaseNumberAloneOrWithADateIsNoAttempt() {
        assertThat(IdentityLinkFlow.parse("2026-FAM-0142 的進度？")).isEmpty();
        assertThat(IdentityLinkFlow.parse("2026-FAM-0142 是不是 2026-12-03 開庭？")).isEmpty();
        assertThat(IdentityLinkFlow.parse("我的驗證碼是 4821")).isEmpty();
    }
}
