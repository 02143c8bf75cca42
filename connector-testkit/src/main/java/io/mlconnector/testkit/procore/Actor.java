package io.mlconnector.testkit.procore;

/**
 * Who made a change, for webhook {@code user_id} and {@code metadata.source_application_id}.
 *
 * @param announce      whether webhooks fire
 * @param userId        acting user id
 * @param applicationId client id of the app when the change came through the API, else null
 */
record Actor(boolean announce, long userId, String applicationId) {

    static Actor silent() {
        return new Actor(false, 0, null);
    }
}
