package eu.borderviolence.registry.api.rest;

/** Synthetic request bodies shaped like BRIEF's cases, shared by the API tests. */
final class Bodies {

    /** Appears only in personal fields; must never show up in a response, an error or a log. */
    static final String MARKER = "PERSONAL-MARKER-7d41c9";

    static final String CIRCUMSTANCES = """
            {"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica","language":"ps",
             "interpreterUsed":true,"consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}}""";

    static final String PUSHBACK_HU_RS = """
            {"kind":"PUSHBACK","date":{"precision":"EXACT_DAY","date":"2023-07-14","timeOfDay":"NIGHT"},
             "place":{"country":"HU","borderSection":"Röszke–Horgoš fence"},
             "borderLegs":[{"from":"HU","to":"RS"}],
             "people":{"groupSize":12,"minors":4,"unaccompaniedMinors":2},
             "nationalities":[{"nationality":"AF","count":7},{"nationality":"SY","count":5}],
             "authorities":[{"authority":{"country":"HU","agency":"BORDER_POLICE","unit":"Készenléti Rendőrség"},
                             "roles":["APPREHENDED","USED_VIOLENCE","EXPELLED"]}],
             "violations":["BEATING","DOG_ATTACK","THEFT_OF_PHONES"],
             "asylum":"ASKED_AND_IGNORED","confidence":"LIKELY"}""";

    static final String PUSHBACK_HR_RS = PUSHBACK_HU_RS.replace("\"from\":\"HU\"", "\"from\":\"HR\"")
            .replace("\"country\":\"HU\",\"borderSection\"", "\"country\":\"HR\",\"borderSection\"");

    static String testimony(String incident) {
        return """
                {"circumstances":%s,"incident":%s,
                 "witness":{"pseudonym":"%s","age":16,"gender":"MALE","nationality":"AF","unaccompaniedMinor":true,
                            "narrative":"زه یې ووهلم %s","narrativeTranslation":"They beat me %s"}}"""
                .formatted(CIRCUMSTANCES, incident, MARKER, MARKER, MARKER);
    }

    static String attachedTestimony(String incidentId) {
        return """
                {"incidentId":"%s","circumstances":%s,
                 "witness":{"pseudonym":"%s","narrative":"%s"}}""".formatted(incidentId, CIRCUMSTANCES, MARKER, MARKER);
    }

    static String correction(String facts, String reason) {
        return """
                {"facts":%s,"reason":"%s"}""".formatted(facts, reason);
    }

    private Bodies() {
    }
}
