package io.predictionbatch.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Embedded mode: tasks go from the server's request threads to its runner threads in memory. */
public final class LocalTaskQueue implements TaskQueue {

    private final BlockingQueue<UUID> queue = new LinkedBlockingQueue<>();

    @Override
    public void send(Collection<UUID> ids) {
        queue.addAll(ids);
    }

    /** After a restart the queue is empty: every task still queued in the table is sent again. */
    @Override
    public void resendMissing(List<UUID> queued) {
        for (UUID id : queued) {
            if (!queue.contains(id)) {
                queue.add(id);
            }
        }
    }

    @Override
    public Receiver receiver() {
        return new Receiver() {
            @Override
            public List<UUID> receive(int max, Duration wait) throws InterruptedException {
                UUID first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    return List.of();
                }
                List<UUID> ids = new ArrayList<>(List.of(first));
                queue.drainTo(ids, max - 1);
                return ids;
            }

            @Override
            public void close() {
            }
        };
    }
}
