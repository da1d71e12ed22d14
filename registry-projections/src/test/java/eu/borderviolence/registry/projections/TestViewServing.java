package eu.borderviolence.registry.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The registry's rebuilds as a view's reads ask about them ({@link ViewServing}), for tests: a table of the views
 * being rebuilt, empty until a test {@link #startRebuilding starts} one.
 */
public class TestViewServing implements ViewServing {

    private final JdbcTemplate jdbc;

    public TestViewServing(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists test_view_rebuilding (view_name varchar(100) primary key)");
    }

    @Override
    public String rebuildingSql() {
        return "(select count(*) from test_view_rebuilding where view_name = ?)";
    }

    public void startRebuilding(String view) {
        jdbc.update("insert into test_view_rebuilding (view_name) values (?)", view);
    }

    public void finishRebuilding(String view) {
        jdbc.update("delete from test_view_rebuilding where view_name = ?", view);
    }
}
