package io.mlconnector.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Typed statement parameters, bound in order; nulls keep their SQL type so every driver accepts them. */
public final class SqlParams {
    private record Param(Object value, int sqlType) {
    }

    private final List<Param> params = new ArrayList<>();

    /**
     * An empty parameter list.
     *
     * @return the {@code SqlParams}
     */
    public static SqlParams of() {
        return new SqlParams();
    }

    /**
     * A text parameter (may be null).
     *
     * @param value a text parameter (may be null)
     * @return this SQL params
     */
    public SqlParams text(String value) {
        params.add(new Param(value, Types.VARCHAR));
        return this;
    }

    /**
     * An instant as epoch nanoseconds (may be null).
     *
     * @param value an instant as epoch nanoseconds (may be null)
     * @return this SQL params
     */
    public SqlParams instant(Instant value) {
        params.add(new Param(EpochNanos.of(value), Types.BIGINT));
        return this;
    }

    /**
     * A 64-bit integer.
     *
     * @param value a 64-bit integer
     * @return this SQL params
     */
    public SqlParams bigint(long value) {
        params.add(new Param(value, Types.BIGINT));
        return this;
    }

    /**
     * A 32-bit integer.
     *
     * @param value a 32-bit integer
     * @return this SQL params
     */
    public SqlParams integer(int value) {
        params.add(new Param(value, Types.INTEGER));
        return this;
    }

    /**
     * Binary data (may be null).
     *
     * @param value binary data (may be null)
     * @return this SQL params
     */
    public SqlParams bytes(byte[] value) {
        params.add(new Param(value, Types.BINARY));
        return this;
    }

    /**
     * Binds every parameter to {@code statement}, starting at index 1.
     *
     * @param statement the prepared statement
     * @throws SQLException when the database call fails
     */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            int index = i + 1;
            if (p.value() == null) {
                statement.setNull(index, p.sqlType());
            } else if (p.value() instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (p.value() instanceof String s) {
                statement.setString(index, s);
            } else if (p.value() instanceof Long l) {
                statement.setLong(index, l);
            } else {
                statement.setInt(index, (Integer) p.value());
            }
        }
    }
}
