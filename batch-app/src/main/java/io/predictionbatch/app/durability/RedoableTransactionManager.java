package io.predictionbatch.app.durability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * The transactions of changes that are made again if a crash loses them (a partition's chunks,
 * see {@link CommitDurability}): each new one is {@linkplain CommitDurability#relax relaxed} as it
 * begins. On PostgreSQL a chunk's commit then returns without waiting for the disk, and the
 * partition's end, committed outside its chunks, waits for it, and with it for every chunk
 * before it (the write-ahead log reaches the disk in order). The transactions themselves are
 * the given manager's, with its settings.
 */
public final class RedoableTransactionManager implements PlatformTransactionManager {

    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final CommitDurability durability;

    /**
     * @param jdbc over the same data source as {@code transactions}, so that it runs in the
     *        transaction just begun
     */
    public RedoableTransactionManager(PlatformTransactionManager transactions, JdbcTemplate jdbc,
            CommitDurability durability) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.durability = durability;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
        TransactionStatus status = transactions.getTransaction(definition);
        if (status.isNewTransaction()) {
            try {
                durability.relax(jdbc);
            } catch (RuntimeException e) {
                transactions.rollback(status);
                throw e;
            }
        }
        return status;
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
        transactions.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
        transactions.rollback(status);
    }
}
