package io.predictionbatch.app.cli;

import java.util.concurrent.Callable;

import io.predictionbatch.app.config.DistributedProperties;
import io.predictionbatch.app.config.TaskProperties;
import io.predictionbatch.app.partition.redis.PartitionWorker;
import io.predictionbatch.app.task.TaskRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code worker}: runs partitions of distributed jobs, and single-record tasks, until stopped. */
@Component
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs partitions of distributed jobs and single-record tasks, taken from Redis, until stopped"
                + " (Ctrl-C or SIGTERM).",
                "On stop it takes no more partitions and hands back the running ones after their current chunk.",
                "Needs distributed mode: SPRING_PROFILES_ACTIVE=distributed, with PREDICTION_DB_URL and",
                "PREDICTION_REDIS_HOST pointing at the shared PostgreSQL and Redis, and the jobs' files on a shared path."})
class WorkerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final ObjectProvider<PartitionWorker> workers;
    private final ObjectProvider<DistributedProperties> properties;

    private final TaskRunner taskRunner;
    private final TaskProperties taskProperties;

    WorkerCommand(ObjectProvider<PartitionWorker> workers, ObjectProvider<DistributedProperties> properties,
            TaskRunner taskRunner, TaskProperties taskProperties) {
        this.workers = workers;
        this.properties = properties;
        this.taskRunner = taskRunner;
        this.taskProperties = taskProperties;
    }

    @Override
    public Integer call() throws InterruptedException {
        PartitionWorker worker = workers.getIfAvailable();
        if (worker == null) {
            throw new UserException("`worker` runs in distributed mode only: set SPRING_PROFILES_ACTIVE=distributed,"
                    + " and PREDICTION_DB_URL and PREDICTION_REDIS_HOST for the shared PostgreSQL and Redis");
        }
        worker.start();
        taskRunner.start();
        spec.commandLine().getErr().printf("Worker %s is taking partitions from Redis list %s and tasks from %s;"
                + " stop it with Ctrl-C%n", worker.name(), properties.getObject().queue(), taskProperties.queue());
        spec.commandLine().getErr().flush();
        while (worker.isRunning()) {
            Thread.sleep(500);
        }
        return 0;
    }
}
