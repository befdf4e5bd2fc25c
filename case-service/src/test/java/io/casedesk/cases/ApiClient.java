package io.casedesk.cases;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as the calling services make them. */
public final class ApiClient {

    public static final String RESPONDER_KEY = "dev-responder-key";
    public static final String LAUNCHER_KEY = "dev-launcher-key";
    public static final String HANDOFF_KEY = "dev-handoff-key";
    public static final String ODOO_CONNECTOR_KEY = "dev-odoo-connector-key";
    public static final String OPERATOR_KEY = "dev-operator-key";

    private ApiClient() {
    }

    public static RequestSpecification asResponder() {
        return given().auth().oauth2(RESPONDER_KEY).accept(ContentType.JSON);
    }

    public static RequestSpecification asHandoff() {
        return given().auth().oauth2(HANDOFF_KEY).accept(ContentType.JSON);
    }

    public static RequestSpecification asOdooConnector() {
        return given().auth().oauth2(ODOO_CONNECTOR_KEY).accept(ContentType.JSON);
    }

    public static RequestSpecification asOperator() {
        return given().auth().oauth2(OPERATOR_KEY).accept(ContentType.JSON);
    }

    public static RequestSpecification asLauncher() {
        return given().auth().oauth2(LAUNCHER_KEY).accept(ContentType.JSON);
    }
}
