package io.gutbrain.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementCheckTest {
    @Test
    void oneQueryIsAccepted() {
        for (String q : new String[]{"SELECT 1", "  select 1;  ", "(SELECT 1) UNION (SELECT 2)", "WITH a AS (SELECT 1) SELECT * FROM a", "FROM runs",
                "SHOW TABLES", "DESCRIBE runs", "SUMMARIZE alpha", "EXPLAIN SELECT 1", "EXPLAIN ANALYZE SELECT 1", "PRAGMA table_info('runs')",
                "SELECT ';' AS semi", "SELECT E'\\';' AS x", "SELECT $$;$$", "SELECT $tag$ ; $tag$", "SELECT \"a;b\" FROM t",
                "SELECT 1 /* a /* nested; */ still ; comment */", "SELECT 1; -- trailing; comment", "SELECT $1"}) {
            assertThat(SqlStatementCheck.refusal(q)).as(q).isNull();
        }
    }

    @Test
    void everythingElseIsRefusedWithTheReason() {
        assertThat(SqlStatementCheck.refusal("COPY runs TO 'x.csv'")).isEqualTo("COPY is not a query");
        assertThat(SqlStatementCheck.refusal("/* hi */ export database 'x'")).isEqualTo("EXPORT is not a query");
        assertThat(SqlStatementCheck.refusal("EXPLAIN ANALYZE COPY runs TO 'x'")).isEqualTo("COPY is not a query");
        assertThat(SqlStatementCheck.refusal("PRAGMA memory_limit='1TB'")).startsWith("PRAGMA memory_limit is not one of the reading pragmas");
        assertThat(SqlStatementCheck.refusal("SELECT 1; DELETE FROM runs")).contains("only one statement");
        assertThat(SqlStatementCheck.refusal("SELECT ';'; COPY runs TO 'x'")).contains("only one statement");
        assertThat(SqlStatementCheck.refusal("SELECT E'\\''; SET threads=1")).contains("only one statement");
        assertThat(SqlStatementCheck.refusal("  -- nothing\n")).isEqualTo("the text holds no statement");
    }

    @Test
    void theStatementTextStopsAtItsSemicolon() {
        assertThat(SqlStatementCheck.statementText("SELECT ';' AS x; -- done")).isEqualTo("SELECT ';' AS x");
    }
}
