package io.predictionbatch.app.testdb;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The job repository's schema (Spring Batch's and ours) in H2, for tests of what reads and writes it. */
public final class RepositorySchema {

    private RepositorySchema() {
    }

    /** A private in-memory H2 database with the schema, living until the JVM exits. */
    public static DataSource inMemory() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        create(dataSource);
        return dataSource;
    }

    /** Creates the schema in this H2 database. */
    public static void create(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"),
                new ClassPathResource("sql/schema.sql")).execute(dataSource);
    }
}
