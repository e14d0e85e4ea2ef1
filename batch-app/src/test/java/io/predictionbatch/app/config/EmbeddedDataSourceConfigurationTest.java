package io.predictionbatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDataSourceConfigurationTest {

    @Test
    void byDefaultTheJobRepositoryIsTheHomesDatabaseServer() {
        assertThat(EmbeddedDataSourceConfiguration.usesDatabaseServer(new MockEnvironment())).isTrue();
    }

    @Test
    void distributedModeOrADataSourceUrlOfTheUsersReplacesIt() {
        MockEnvironment distributed = new MockEnvironment();
        distributed.setActiveProfiles(DistributedModeConfiguration.PROFILE);
        MockEnvironment ownDatabase = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");

        assertThat(EmbeddedDataSourceConfiguration.usesDatabaseServer(distributed)).isFalse();
        assertThat(EmbeddedDataSourceConfiguration.usesDatabaseServer(ownDatabase)).isFalse();
    }
}
