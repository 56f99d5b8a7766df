package poolbench.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * pgjdbc's plain data source, which the pool opens every physical connection through, remembering whether the
 * last attempt failed and why. HikariCP keeps that to itself (it only reports a failure to a caller that waited
 * the whole connection timeout), yet it is what tells a database that is down from a pool that is busy.
 */
final class WatchedDataSource extends PGSimpleDataSource {

    /** Written by the pool's connection-adding thread, read by every request: hence volatile. */
    private volatile String lastFailure;

    WatchedDataSource(String jdbcUrl) {
        setURL(jdbcUrl);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        try {
            Connection c = super.getConnection(user, password);
            lastFailure = null;
            return c;
        } catch (SQLException | RuntimeException e) {
            lastFailure = firstSentence(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    /** Why the last attempt to connect failed, or null when it succeeded (or none was made). */
    String lastFailure() {
        return lastFailure;
    }

    /** pgjdbc's "Connection to 127.0.0.1:5432 refused. Check that the hostname..." without its advice. */
    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        String first = end < 0 ? message : message.substring(0, end);
        return first.lines().findFirst().orElse(first);
    }
}
