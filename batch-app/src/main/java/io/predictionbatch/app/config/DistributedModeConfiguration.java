package io.predictionbatch.app.config;

import io.predictionbatch.app.job.PredictPartitionStep;
import io.predictionbatch.app.partition.redis.PartitionHeartbeats;
import io.predictionbatch.app.partition.redis.PartitionRequest;
import io.predictionbatch.app.partition.redis.PartitionWorker;
import io.predictionbatch.app.partition.redis.RemotePartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.integration.redis.outbound.RedisQueueOutboundChannelAdapter;

/**
 * Distributed mode ({@code distributed} profile): the job repository is PostgreSQL (see
 * {@code application-distributed.yml}), partitions are requested over a Redis list and run by
 * {@code worker} processes anywhere. Only the partition handler and the data source differ from
 * embedded mode; the job is the same.
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
            RedisTemplate<String, PartitionRequest> partitionRequestQueue, PartitionHeartbeats heartbeats,
            DistributedProperties properties) {
        return new RemotePartitionHandler(jobRepository, sender, partitionRequestQueue, properties.queue(),
                heartbeats, properties.pollInterval(), properties.workerTimeout());
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, PredictPartitionStep predictPartition,
            PartitionHeartbeats heartbeats, DistributedProperties properties,
            RedisConnectionFactory connectionFactory, RedisSerializer<PartitionRequest> serializer) {
        return new PartitionWorker(jobRepository, predictPartition, heartbeats, properties, connectionFactory,
                serializer);
    }
}
