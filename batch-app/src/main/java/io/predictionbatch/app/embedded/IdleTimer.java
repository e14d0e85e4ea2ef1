package io.predictionbatch.app.embedded;

import java.time.Duration;

/**
 * Decides when the database server has had no client long enough to stop: it must have seen no
 * client session for the whole idle timeout, counted from the last time it saw one (or from its
 * start). A killed client counts as gone, since H2 drops the session of a closed socket.
 */
final class IdleTimer {

    private final long timeoutMillis;
    private long idleSince;

    IdleTimer(Duration timeout, long nowMillis) {
        this.timeoutMillis = timeout.toMillis();
        this.idleSince = nowMillis;
    }

    /** Records how many client sessions are open now; true once the server may stop. */
    boolean expired(int clientSessions, long nowMillis) {
        if (clientSessions > 0) {
            idleSince = nowMillis;
            return false;
        }
        return nowMillis - idleSince >= timeoutMillis;
    }
}
