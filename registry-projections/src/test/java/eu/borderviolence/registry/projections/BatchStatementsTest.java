package eu.borderviolence.registry.projections;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Array;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BatchStatements#batch} sets each kind of value the views write as Spring's own
 * {@link JdbcTemplate#batchUpdate(String, List)} does: the same rows, written both ways, read back alike.
 */
class BatchStatementsTest {

    private static final String COLUMNS = "(id varchar(40) primary key, version bigint, people int, flag boolean, "
            + "changed_at timestamp with time zone, earliest date, codes varchar array, note varchar(40), "
            + "reason varchar(40), latest date)";

    private final JdbcTemplate jdbc = new JdbcTemplate(h2());

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void writesEveryKindOfValueAsSpringsBatchUpdateDoes() {
        jdbc.execute("create table by_spring " + COLUMNS);
        jdbc.execute("create table by_helper " + COLUMNS);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"a", 7L, 12, true, BatchStatements.utc(Instant.parse("2023-07-14T22:15:30.123456Z")),
                LocalDate.of(2023, 7, 14), new String[]{"HU", "RS"}, "beaten",
                new SqlParameterValue(Types.VARCHAR, "withdrawn"),
                new SqlParameterValue(Types.DATE, LocalDate.of(2023, 7, 31))});
        rows.add(new Object[]{"b", 0L, null, false, BatchStatements.utc(Instant.EPOCH), null, new String[0], null,
                new SqlParameterValue(Types.VARCHAR, null), new SqlParameterValue(Types.DATE, null)});

        jdbc.batchUpdate("insert into by_spring values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        BatchStatements.batch(jdbc, "insert into by_helper values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        List<List<Object>> written = rows("by_helper");
        assertThat(written).hasSize(2).isEqualTo(rows("by_spring"));
        assertThat(written.get(0)).contains(List.of("HU", "RS"), "withdrawn");
        assertThat(written.get(1).get(2)).isNull();
        assertThat(written.get(0).get(9)).hasToString("2023-07-31");
        assertThat(written.get(1).get(8)).isNull();
        assertThat(written.get(1).get(9)).isNull();
    }

    /** The table's rows, each as its values in column order, an array as the list of its elements. */
    private List<List<Object>> rows(String table) {
        return jdbc.query("select * from " + table + " order by id", (rs, i) -> {
            List<Object> values = new ArrayList<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                Object value = rs.getObject(column);
                values.add(value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value);
            }
            return values;
        });
    }

    @Test
    void writesNothingWithoutRows() {
        jdbc.execute("create table nothing " + COLUMNS);

        BatchStatements.batch(jdbc, "insert into nothing values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", List.of());

        assertThat(jdbc.queryForObject("select count(*) from nothing", Integer.class)).isZero();
    }

    @Test
    void aMomentInUtcIsTheInstantAtOffsetZero() {
        for (Instant at : List.of(Instant.EPOCH, Instant.parse("2023-07-14T22:15:30.123456789Z"),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2019-02-28T00:00:00Z"))) {
            assertThat(BatchStatements.utc(at)).isEqualTo(at.atOffset(ZoneOffset.UTC));
        }
    }
}
