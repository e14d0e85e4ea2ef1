package io.predictionbatch.app.config;

import io.predictionbatch.app.job.PredictPartitionStep;
import io.predictionbatch.app.partition.PartitionRuns;
import io.predictionbatch.app.partition.redis.PartitionHeartbeats;
import io.predictionbatch.app.partition.redis.PartitionRequest;
import io.predictionbatch.app.partition.redis.PartitionWorker;
import io.predictionbatch.app.partition.redis.RemotePartitionHandler;
import io.predictionbatch.app.task.TaskEvents;
import io.predictionbatch.app.task.TaskQueue;
import io.predictionbatch.app.task.TaskWaiters;
import io.predictionbatch.app.task.redis.RedisTaskEvents;
import io.predictionbatch.app.task.redis.RedisTaskQueue;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.integration.redis.outbound.RedisQueueOutboundChannelAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Distributed mode ({@code distributed} profile): the job repository is PostgreSQL (see
 * {@code application-distributed.yml}), partitions are requested over a Redis list and run by
 * {@code worker} processes anywhere; tasks go to the workers through another Redis list, and
 * their ends come back on a Redis channel. Only the data source, the partition handler and the
 * task transport differ from embedded mode; the job and the task service are the same.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DistributedModeConfiguration.PROFILE)
public class DistributedModeConfiguration {

    public static final String PROFILE = "distributed";

    @Bean
    RedisSerializer<PartitionRequest> partitionRequestSerializer() {
        return new JacksonJsonRedisSerializer<>(PartitionRequest.class);
    }

    @Bean
    PartitionHeartbeats partitionHeartbeats(StringRedisTemplate redis, DistributedProperties properties) {
        return new PartitionHeartbeats(redis, properties.workerTimeout());
    }

    @Bean
    RedisQueueOutboundChannelAdapter partitionRequestSender(RedisConnectionFactory connectionFactory,
            RedisSerializer<PartitionRequest> serializer, DistributedProperties properties) {
        RedisQueueOutboundChannelAdapter adapter = new RedisQueueOutboundChannelAdapter(properties.queue(),
                connectionFactory);
        adapter.setSerializer(serializer);
        adapter.setExtractPayload(true);
        return adapter;
    }

    @Bean
    RedisTemplate<String, PartitionRequest> partitionRequestQueue(RedisConnectionFactory connectionFactory,
            RedisSerializer<PartitionRequest> serializer) {
        RedisTemplate<String, PartitionRequest> template = new RedisTemplate<>();
        template.setConnectionFactory(connectionFactory);
        template.setKeySerializer(StringRedisSerializer.UTF_8);
        template.setValueSerializer(serializer);
        return template;
    }

    @Bean
    RemotePartitionHandler partitionHandler(JobRepository jobRepository, RedisQueueOutboundChannelAdapter sender,
            RedisTemplate<String, PartitionRequest> partitionRequestQueue, PartitionRuns runs,
            PartitionHeartbeats heartbeats, DistributedProperties properties) {
        return new RemotePartitionHandler(jobRepository, sender, partitionRequestQueue, properties.queue(), runs,
                heartbeats, properties.pollInterval(), properties.workerTimeout());
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, PredictPartitionStep predictPartition,
            PartitionRuns runs, PartitionHeartbeats heartbeats, DistributedProperties properties,
            RedisConnectionFactory connectionFactory, RedisSerializer<PartitionRequest> serializer) {
        return new PartitionWorker(jobRepository, predictPartition, runs, heartbeats, properties, connectionFactory,
                serializer);
    }

    @Bean
    TaskQueue taskQueue(StringRedisTemplate redis, RedisConnectionFactory connectionFactory,
            TaskProperties properties) {
        return new RedisTaskQueue(redis, connectionFactory, properties.queue());
    }

    @Bean
    TaskEvents taskEvents(StringRedisTemplate redis, TaskProperties properties) {
        return new RedisTaskEvents(redis, properties.channel());
    }

    /** Only a server has callers waiting for tasks: it listens for the workers' announcements. */
    @Bean
    @ConditionalOnWebApplication
    RedisMessageListenerContainer taskEventListener(RedisConnectionFactory connectionFactory, TaskWaiters waiters,
            TaskProperties properties) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        // Its default starts a thread per message: hundreds a second under task load. One thread
        // keeps up, since a message only completes the waits it names; a daemon, so it never holds
        // up the JVM's exit, and not a bean, which would replace Boot's application task executor.
        ThreadPoolTaskExecutor dispatch = new ThreadPoolTaskExecutor();
        dispatch.setCorePoolSize(1);
        dispatch.setMaxPoolSize(1);
        dispatch.setDaemon(true);
        dispatch.setThreadNamePrefix("task-events-");
        dispatch.initialize();
        container.setTaskExecutor(dispatch);
        container.addMessageListener(RedisTaskEvents.listener(waiters), new ChannelTopic(properties.channel()));
        return container;
    }
}
