package io.gutbrain.report;

import io.gutbrain.result.Provenance;
import io.gutbrain.result.ResultTable;
import io.gutbrain.error.InputException;
import io.gutbrain.io.TextOutput;
import io.gutbrain.result.StepTiming;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The results of every run of a study, kept in one embedded DuckDB database file
 * ({@value #FILE_NAME}) in the study folder and queryable with SQL from gutbrain
 * ({@code gutbrain runs sql}), the DuckDB shell, R ({@code duckdb} package) or Python.
 *
 * <p>Tables (times are UTC):
 * <ul>
 *   <li>{@code runs(run_id, started, finished, gutbrain_version, seed, status, command)} — one row
 *       per run; status {@code running}, then {@code ok} or {@code failed}, or
 *       {@code interrupted} for a run whose process died (see crash recovery below);</li>
 *   <li>{@code parameters(run_id, step, name, value)} — every setting a step used, as text;</li>
 *   <li>{@code inputs(run_id, role, path, sha256, bytes)} — every input file with its checksum;</li>
 *   <li>{@code timings(run_id, step, seconds, cached)};</li>
 *   <li>{@code result_tables(run_id, table_name, row_count)} — which result tables a run wrote;</li>
 *   <li>one table per result name (e.g. {@code alpha}), holding the rows of every run that wrote
 *       it with {@code run_id} as first column; its columns are typed from the values: BIGINT
 *       (integers), DOUBLE (other numbers; NaN is stored as NULL), BOOLEAN, or VARCHAR (text,
 *       or mixed values).</li>
 * </ul>
 *
 * <p>Concurrency: DuckDB lets one process write a database file at a time (or several read it);
 * a second writer gets an {@link InputException} saying the store is in use. Within one JVM the
 * methods are synchronized. Each write is one transaction, so a failed write adds nothing.
 *
 * <p>Crash recovery: the process that holds the store open for writing holds DuckDB's file lock
 * for as long as it runs. So when {@link #open} succeeds, no other process is writing, and a run
 * still marked {@code running} (other than one started in this JVM and not yet finished) belongs
 * to a process that died ({@code kill -9}, power loss). {@code open} marks such runs
 * {@code interrupted}, with {@code finished} set to the time the interruption was found, and
 * lists them in {@link #interruptedRuns()}. A read-only open shows such runs as
 * {@code interrupted} too (in {@link #runs()}), without changing the file.
 *
 * <p>Queries from users ({@link #userQuery}) run only on a store opened with
 * {@link #openReadOnly(Path, long)}, whose connection is locked down with DuckDB's own settings:
 * read-only, {@code enable_external_access=false} (no file other than the store may be read or
 * written, no ATTACH), extension install/load off, no spilling to a temporary folder, a memory
 * limit, {@code threads} = available cores, and {@code lock_configuration=true} so that no
 * statement can change those settings back.
 */
public final class ResultsStore implements AutoCloseable {
    /** The database file name inside the study folder. */
    public static final String FILE_NAME = "results.duckdb";

    /** Names that result tables may not take. */
    private static final Set<String> RESERVED = Set.of("runs", "parameters", "inputs", "timings", "result_tables", "store_info");
    private static final int SCHEMA_VERSION = 1;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MIB = 1024L * 1024L;
    /** The smallest memory limit for queries, MiB: DuckDB needs some room even for small queries. */
    public static final long MIN_QUERY_MEMORY_MIB = 64;
    /** Runs started in this JVM and not finished yet, as "absolute store path \0 run id": live, never stale. */
    private static final Set<String> LIVE_RUNS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Connection conn;
    private final boolean readOnly;
    private final long memoryLimitMiB;
    private final List<String> startedHere = new ArrayList<>();
    private List<Run> interrupted = List.of();

    /** A run as listed in the {@code runs} table; {@code finished} and {@code seed} may be null. */
    public record Run(String runId, String started, String finished, String gutbrainVersion, Long seed, String status, String command) {}

    /** A result table a run wrote, with its row count for that run. */
    public record TableInfo(String name, long rows) {}

    /** Rows returned by an SQL query; cells are numbers, booleans, strings or null. */
    public record Query(List<String> columns, List<Object[]> rows) {}

    private ResultsStore(Path file, Connection conn, boolean readOnly, long memoryLimitMiB) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
        this.memoryLimitMiB = memoryLimitMiB;
    }

    /**
     * Opens the study's store for writing, creating {@value #FILE_NAME} and its tables if absent,
     * and marks runs left {@code running} by a dead process as {@code interrupted}
     * ({@link #interruptedRuns()}).
     *
     * @throws InputException when the folder cannot be created, the file is not a DuckDB database
     *                        of this layout, or another process is writing it
     */
    public static ResultsStore open(Path studyDir) {
        Path f = studyDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(studyDir);
        } catch (java.io.IOException e) {
            throw new InputException(studyDir.toString(), null, "cannot create the study folder: " + e.getMessage(), "check the path is writable");
        }
        ResultsStore s = new ResultsStore(f, connect(f, false, 0), false, 0);
        try {
            s.createSchema();
            s.markStaleRunsInterrupted();
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
        return s;
    }

    /**
     * Opens an existing store for reading only (several readers may share it), locked down as
     * described in the class comment, with the {@link #defaultQueryMemoryMiB() default memory limit}.
     *
     * @throws InputException when the study has no store yet or it is being written
     */
    public static ResultsStore openReadOnly(Path studyDir) {
        return openReadOnly(studyDir, defaultQueryMemoryMiB());
    }

    /**
     * {@link #openReadOnly(Path)} with a memory limit for DuckDB (MiB, at least
     * {@value #MIN_QUERY_MEMORY_MIB}); a query that needs more fails with an
     * {@link InputException} naming the limit. In one JVM, all read-only opens of a store that
     * are open at the same time must use the same limit (DuckDB shares one database instance).
     *
     * @throws InputException when the study has no store yet or it is being written
     */
    public static ResultsStore openReadOnly(Path studyDir, long memoryLimitMiB) {
        if (memoryLimitMiB < MIN_QUERY_MEMORY_MIB) throw new IllegalArgumentException("memory limit below " + MIN_QUERY_MEMORY_MIB + " MiB: " + memoryLimitMiB);
        Path f = studyDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            throw new InputException(f.toString(), null, "no results store in this study folder", "run 'gutbrain study' first, or give the folder that holds " + FILE_NAME);
        }
        ResultsStore s = new ResultsStore(f, connect(f, true, memoryLimitMiB), true, memoryLimitMiB);
        try {
            s.checkSchema();
        } catch (RuntimeException e) {
            s.closeQuietly();
            throw e;
        }
        return s;
    }

    /** The default memory limit of queries, MiB: a quarter of the JVM's maximum heap, at least 256. */
    public static long defaultQueryMemoryMiB() {
        return Math.max(256, Runtime.getRuntime().maxMemory() / 4 / MIB);
    }

    /** The database file. */
    public Path file() { return file; }

    private static Connection connect(Path f, boolean readOnly, long memoryLimitMiB) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            // never download or load DuckDB extensions: gutbrain makes no network requests at run time
            p.setProperty("autoinstall_known_extensions", "false");
            p.setProperty("autoload_known_extensions", "false");
            if (readOnly) {
                // read-only connections serve user SQL (runs sql): DuckDB's own guards, checked on DuckDB 2.0
                p.setProperty("duckdb.read_only", "true");
                // streamed: a materialized result ignores memory_limit; rows past the cap are counted, never held
                p.setProperty("jdbc_stream_results", "true");
                // the one setting gutbrain itself switches, for hiddenStreamingError; user SET is refused by SqlStatementCheck
                p.setProperty("allowed_configs", "[jdbc_stream_results]");
                p.setProperty("enable_external_access", "false"); // no file but the store, no ATTACH, no LOAD
                p.setProperty("allow_community_extensions", "false");
                p.setProperty("temp_directory", ""); // no spilling: nothing is written next to the store
                p.setProperty("memory_limit", memoryLimitMiB + "MiB");
                p.setProperty("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
                p.setProperty("lock_configuration", "true"); // last: no SET/RESET/PRAGMA can undo the above
            }
            return DriverManager.getConnection("jdbc:duckdb:" + f.toAbsolutePath(), p);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the DuckDB JDBC driver is missing from the class path", e);
        } catch (SQLException e) {
            throw storeError(f, e);
        }
    }

    private static InputException storeError(Path f, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("lock") || m.contains("different configuration")) {
            return new InputException(f.toString(), null, "the results store is in use by another process (" + firstLine(m) + ")",
                    "wait for the running gutbrain command to finish, then retry", e);
        }
        return new InputException(f.toString(), null, "cannot use the results store: " + firstLine(m),
                "check the file is a gutbrain results store (DuckDB) and not damaged; move it away to start a new one", e);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private void createSchema() {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)");
            st.execute("INSERT INTO store_info VALUES ('schema_version', '" + SCHEMA_VERSION + "') ON CONFLICT DO NOTHING");
            st.execute("CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, started TIMESTAMP NOT NULL, finished TIMESTAMP, "
                    + "gutbrain_version VARCHAR, seed BIGINT, status VARCHAR NOT NULL, command VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS parameters (run_id VARCHAR NOT NULL, step VARCHAR NOT NULL, name VARCHAR NOT NULL, value VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS inputs (run_id VARCHAR NOT NULL, role VARCHAR NOT NULL, path VARCHAR NOT NULL, sha256 VARCHAR, bytes BIGINT)");
            st.execute("CREATE TABLE IF NOT EXISTS timings (run_id VARCHAR NOT NULL, step VARCHAR NOT NULL, seconds DOUBLE NOT NULL, cached BOOLEAN NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS result_tables (run_id VARCHAR NOT NULL, table_name VARCHAR NOT NULL, row_count BIGINT NOT NULL, "
                    + "PRIMARY KEY (run_id, table_name))");
        } catch (SQLException e) {
            throw storeError(file, e);
        }
        checkSchema();
    }

    private void checkSchema() {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM store_info WHERE key = 'schema_version'")) {
            String v = rs.next() ? rs.getString(1) : null;
            if (!String.valueOf(SCHEMA_VERSION).equals(v)) {
                throw new InputException(file.toString(), null, "results store layout version " + v + ", this gutbrain reads version " + SCHEMA_VERSION,
                        "use the gutbrain version that made the store, or move it away to start a new one");
            }
        } catch (SQLException e) {
            throw storeError(file, e);
        }
    }

    // ---- writing ----

    /**
     * Records the start of a run (status {@code running}) and returns its id,
     * {@code yyyyMMdd-HHmmss-xxxx} (UTC time and 4 random hex digits): sortable, and unique
     * even for runs started in the same second.
     *
     * @param seed the run's random seed, or null when nothing is random
     */
    public synchronized String startRun(String gutbrainVersion, String command, Long seed) {
        requireWritable();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        String id = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + "-" + HexFormat.of().formatHex(b);
        update("INSERT INTO runs VALUES (?, CAST(? AS TIMESTAMP), NULL, ?, ?, 'running', ?)", id, ts(now), gutbrainVersion, seed, command);
        LIVE_RUNS.add(liveKey(id));
        startedHere.add(id);
        return id;
    }

    /** Records the end of a run with its status ({@code ok}, {@code failed}, ...). */
    public synchronized void finishRun(String runId, String status) {
        requireWritable();
        int n = update("UPDATE runs SET finished = CAST(? AS TIMESTAMP), status = ? WHERE run_id = ?", ts(LocalDateTime.now(ZoneOffset.UTC)), status, runId);
        if (n == 0) throw unknownRun(runId);
        LIVE_RUNS.remove(liveKey(runId));
        startedHere.remove(runId);
    }

    /**
     * The runs that {@link #open} found left {@code running} by a process that is gone and marked
     * {@code interrupted} (as they were before: status {@code running}, no finish time); empty
     * for a read-only store.
     */
    public synchronized List<Run> interruptedRuns() { return interrupted; }

    private void markStaleRunsInterrupted() {
        List<Run> stale = new ArrayList<>();
        for (Run r : runs()) if (r.status().equals("running") && !LIVE_RUNS.contains(liveKey(r.runId()))) stale.add(r);
        String now = ts(LocalDateTime.now(ZoneOffset.UTC));
        for (Run r : stale) update("UPDATE runs SET finished = CAST(? AS TIMESTAMP), status = 'interrupted' WHERE run_id = ?", now, r.runId());
        interrupted = List.copyOf(stale);
    }

    private String liveKey(String runId) { return file.toAbsolutePath().normalize() + "\0" + runId; }

    /** Records one parameter of a step; numbers are stored in their shortest exact text form. */
    public synchronized void parameter(String runId, String step, String name, Object value) {
        requireWritable();
        String text = value == null ? null : value instanceof Number || value instanceof Boolean ? ResultTable.tsvCell(value) : value.toString();
        update("INSERT INTO parameters VALUES (?, ?, ?, ?)", runId, step, name, text);
    }

    /** Records an input file with the given checksum and size. */
    public synchronized void input(String runId, String role, String path, String sha256, long bytes) {
        requireWritable();
        update("INSERT INTO inputs VALUES (?, ?, ?, ?, ?)", runId, role, path, sha256, bytes);
    }

    /** Records an input file, computing its SHA-256 and size. */
    public void input(String runId, String role, Path file) {
        input(runId, role, file.toString(), Provenance.sha256(file), sizeOf(file));
    }

    /**
     * Copies a {@link Provenance} record into the run: its parameters (step {@code run}) and its
     * input files (already checksummed by the record).
     */
    @SuppressWarnings("unchecked")
    public synchronized void recordProvenance(String runId, Provenance p) {
        Map<String, Object> m = p.toMap();
        Object params = m.get("parameters");
        if (params instanceof Map<?, ?> pm) for (Map.Entry<?, ?> e : pm.entrySet()) parameter(runId, "run", String.valueOf(e.getKey()), e.getValue());
        Object in = m.get("inputs");
        if (in instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> f = (Map<String, Object>) o;
                input(runId, String.valueOf(f.get("role")), String.valueOf(f.get("path")), String.valueOf(f.get("sha256")), ((Number) f.get("bytes")).longValue());
            }
        }
    }

    /** Records how long a step took. */
    public synchronized void timing(String runId, StepTiming t) {
        requireWritable();
        update("INSERT INTO timings VALUES (?, ?, ?, ?)", runId, t.step(), t.seconds(), t.cached());
    }

    /** {@link #writeTable(String, ResultTable)} from its parts. */
    public void writeTable(String runId, String name, List<String> columns, List<Object[]> rows) {
        writeTable(runId, new ResultTable(name, columns, rows));
    }

    /**
     * Stores a result table for a run, in one transaction: creates table {@code t.name()} on
     * first use (column {@code run_id} first, then the table's columns, typed from the values),
     * adds columns that later runs bring, widens a column's type when new values need it
     * (BIGINT → DOUBLE → VARCHAR, BOOLEAN → VARCHAR), and replaces rows the same run wrote
     * before under the same name. Rows keep their order ({@link #readTable}).
     *
     * @throws IllegalArgumentException for a reserved table name or a column named {@code run_id}
     */
    public synchronized void writeTable(String runId, ResultTable t) {
        requireWritable();
        if (RESERVED.contains(t.name())) throw new IllegalArgumentException("result table name " + t.name() + " is reserved by the store");
        for (String c : t.columns()) {
            if (c.equalsIgnoreCase("run_id")) throw new IllegalArgumentException("result table " + t.name() + " may not have its own run_id column");
        }
        requireRun(runId);
        try {
            conn.setAutoCommit(false);
            try {
                Map<String, String> existing = columnTypes(t.name());
                String[] types = new String[t.columns().size()];
                for (int c = 0; c < types.length; c++) types[c] = inferType(t, c);
                try (Statement st = conn.createStatement()) {
                    if (existing.isEmpty()) {
                        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (run_id VARCHAR NOT NULL");
                        for (int c = 0; c < types.length; c++) ddl.append(", ").append(quote(t.columns().get(c))).append(' ').append(types[c]);
                        st.execute(ddl.append(')').toString());
                    } else {
                        for (int c = 0; c < types.length; c++) {
                            String col = t.columns().get(c);
                            String have = existing.get(col.toLowerCase(Locale.ROOT));
                            if (have == null) {
                                st.execute("ALTER TABLE " + quote(t.name()) + " ADD COLUMN " + quote(col) + " " + types[c]);
                            } else {
                                String wide = widen(have, types[c]);
                                if (!wide.equals(have)) st.execute("ALTER TABLE " + quote(t.name()) + " ALTER COLUMN " + quote(col) + " TYPE " + wide);
                                types[c] = wide;
                            }
                        }
                    }
                }
                update("DELETE FROM " + quote(t.name()) + " WHERE run_id = ?", runId);
                append(runId, t, columnTypes(t.name()));
                update("DELETE FROM result_tables WHERE run_id = ? AND table_name = ?", runId, t.name());
                update("INSERT INTO result_tables VALUES (?, ?, ?)", runId, t.name(), (long) t.rowCount());
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storeError(file, e);
        }
    }

    private void append(String runId, ResultTable t, Map<String, String> types) throws SQLException {
        // Appender columns follow the table's column order, which may differ from t's (added columns, other runs)
        List<String> tableCols = new ArrayList<>(types.keySet());
        int[] src = new int[tableCols.size()];
        for (int k = 0; k < src.length; k++) {
            src[k] = -1;
            for (int c = 0; c < t.columns().size(); c++) if (t.columns().get(c).equalsIgnoreCase(tableCols.get(k))) src[k] = c;
        }
        try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name())) {
            for (Object[] row : t.rows()) {
                a.beginRow();
                for (int k = 0; k < src.length; k++) {
                    String col = tableCols.get(k);
                    if (col.equals("run_id")) {
                        a.append(runId);
                        continue;
                    }
                    Object v = src[k] < 0 ? null : row[src[k]];
                    String type = types.get(col);
                    if (v == null || (v instanceof Number n && !type.equals("VARCHAR") && Double.isNaN(n.doubleValue()))) a.appendNull();
                    else if (type.equals("BIGINT")) a.append(((Number) v).longValue());
                    else if (type.equals("DOUBLE")) a.append(((Number) v).doubleValue());
                    else if (type.equals("BOOLEAN")) a.append(((Boolean) v).booleanValue());
                    else a.append(ResultTable.tsvCell(v));
                }
                a.endRow();
            }
            a.flush();
        }
    }

    /** BIGINT for integers, DOUBLE for other numbers, BOOLEAN, VARCHAR for text, mixed or all-missing columns. */
    private static String inferType(ResultTable t, int c) {
        boolean any = false, integral = true, number = true, bool = true;
        for (Object[] row : t.rows()) {
            Object v = row[c];
            if (v == null) continue;
            any = true;
            boolean isInt = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
            integral &= isInt;
            number &= v instanceof Number;
            bool &= v instanceof Boolean;
        }
        if (!any) return "VARCHAR";
        if (integral) return "BIGINT";
        if (number) return "DOUBLE";
        return bool ? "BOOLEAN" : "VARCHAR";
    }

    private static String widen(String have, String want) {
        if (have.equals(want)) return have;
        if ((have.equals("BIGINT") && want.equals("DOUBLE")) || (have.equals("DOUBLE") && want.equals("BIGINT"))) return "DOUBLE";
        return "VARCHAR";
    }

    /** Column name (lower case) → DuckDB type, in table order; empty when the table does not exist. */
    private Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return out;
    }

    // ---- reading ----

    /**
     * All runs, newest first. On a read-only store, a run recorded as {@code running} that is
     * not live in this JVM is shown as {@code interrupted}: the read-only open succeeded, so no
     * process holds the store for writing, so that run's process is gone.
     */
    public synchronized List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (Object[] r : query("SELECT run_id, CAST(started AS VARCHAR), CAST(finished AS VARCHAR), gutbrain_version, seed, status, command "
                + "FROM runs ORDER BY started DESC, run_id DESC").rows()) {
            String id = (String) r[0];
            String status = (String) r[5];
            if (readOnly && status.equals("running") && !LIVE_RUNS.contains(liveKey(id))) status = "interrupted";
            out.add(new Run(id, (String) r[1], (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), status, (String) r[6]));
        }
        return out;
    }

    /**
     * The run named by {@code idOrPrefix}: a full run id, a prefix that matches exactly one run,
     * or {@code latest}.
     *
     * @throws InputException when no run or several runs match
     */
    public synchronized Run run(String idOrPrefix) {
        List<Run> all = runs();
        if (idOrPrefix.equals("latest")) {
            if (all.isEmpty()) throw new InputException(file.toString(), null, "the store holds no runs yet", "run 'gutbrain study' first");
            return all.get(0);
        }
        List<Run> match = new ArrayList<>();
        for (Run r : all) {
            if (r.runId().equals(idOrPrefix)) return r;
            if (r.runId().startsWith(idOrPrefix)) match.add(r);
        }
        if (match.size() == 1) return match.get(0);
        if (match.isEmpty()) throw unknownRun(idOrPrefix);
        throw new InputException(file.toString(), "run '" + idOrPrefix + "'", "matches " + match.size() + " runs",
                "give more of the run id (see 'gutbrain runs list')");
    }

    /** The result tables a run wrote, by name, with their row counts. */
    public synchronized List<TableInfo> tables(String runId) {
        List<TableInfo> out = new ArrayList<>();
        for (Object[] r : query("SELECT table_name, row_count FROM result_tables WHERE run_id = ? ORDER BY table_name", runId).rows()) {
            out.add(new TableInfo((String) r[0], ((Number) r[1]).longValue()));
        }
        return out;
    }

    /**
     * A run's rows of a result table, without the {@code run_id} column, in the order written.
     * Columns that the table gained after this run are included (all missing).
     *
     * @throws InputException when the run wrote no table of that name
     */
    public synchronized ResultTable readTable(String runId, String name) {
        boolean written = tables(runId).stream().anyMatch(ti -> ti.name().equals(name));
        if (!written) {
            throw new InputException(file.toString(), "table '" + name + "'", "run " + runId + " wrote no such table",
                    "see the run's tables with 'gutbrain runs show " + runId + "'");
        }
        Query q = query("SELECT * EXCLUDE (run_id) FROM " + quote(name) + " WHERE run_id = ? ORDER BY rowid", runId);
        return new ResultTable(name, q.columns(), q.rows());
    }

    /**
     * Runs an SQL statement with {@code ?} parameters and returns its rows. Values other than
     * numbers, booleans and text (timestamps, lists) are returned as text.
     *
     * @throws InputException naming the SQL error (syntax, unknown table or column)
     */
    public synchronized Query query(String sql, Object... params) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            boolean hasRows = ps.execute();
            if (!hasRows) return new Query(List.of(), List.of());
            try (ResultSet rs = ps.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> cols = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) cols.add(md.getColumnLabel(c));
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 1; c <= n; c++) row[c - 1] = plain(rs.getObject(c));
                    rows.add(row);
                }
                return new Query(cols, rows);
            }
        } catch (SQLException e) {
            throw new InputException(file.toString(), "SQL", firstLine(String.valueOf(e.getMessage())), "check the statement; list tables with: SHOW TABLES", e);
        }
    }

    /**
     * Rows of a user's query: at most {@code maxRows} of them in {@link #query()}; {@code rowsCut}
     * rows more were not returned (a lower bound when {@code rowsCutIsLowerBound}: counting them
     * ran into the time limit).
     */
    public record CappedQuery(Query query, long rowsCut, boolean rowsCutIsLowerBound) {}

    /** What users get out of a refused statement instead. */
    public static final String EXPORT_FIX = "runs sql only reads the store; to get a table out use: gutbrain runs export RUN --table NAME --out FILE";

    /**
     * Runs one query typed by a user on a store opened read-only, bounded in time and rows.
     *
     * <p>Only one statement that is a query is accepted ({@link SqlStatementCheck}); the
     * connection's settings refuse the rest (writing, files outside the store, ATTACH,
     * extensions, SET). A watchdog interrupts the query when {@code timeoutSeconds} have passed.
     * At most {@code maxRows} rows are kept; the rows after them are only counted (until the
     * time limit), so a huge result costs no memory here.
     *
     * @throws InputException one line for a refused statement (saying how to get data out
     *                        instead), a time or memory limit hit (naming the limit and the option
     *                        that raises it), or an SQL error
     */
    public synchronized CappedQuery userQuery(String sql, int timeoutSeconds, int maxRows) {
        if (!readOnly) throw new IllegalStateException("user SQL runs only on a store opened read-only");
        if (timeoutSeconds < 1 || maxRows < 1) throw new IllegalArgumentException("timeout and row cap must be positive");
        String refusal = SqlStatementCheck.refusal(sql);
        if (refusal != null) throw new InputException(file.toString(), "SQL", refusal + "; only queries are allowed", EXPORT_FIX);
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        boolean fetchedAll = false;
        try (Statement st = conn.createStatement();
             QueryWatchdog dog = new QueryWatchdog(st, timeoutSeconds, timedOut)) {
            if (!st.execute(sql)) return new CappedQuery(new Query(List.of(), List.of()), 0, false);
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> cols = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) cols.add(md.getColumnLabel(c));
                List<Object[]> rows = new ArrayList<>();
                while (rows.size() < maxRows && rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 1; c <= n; c++) row[c - 1] = plain(rs.getObject(c));
                    rows.add(row);
                }
                fetchedAll = true;
                long cut = 0;
                boolean lowerBound = false;
                try {
                    while (!timedOut.get() && rs.next()) cut++;
                    lowerBound = timedOut.get();
                } catch (SQLException e) {
                    if (!timedOut.get()) throw e;
                    lowerBound = true; // the rows shown are complete; only their count after the cap is not
                }
                return new CappedQuery(new Query(cols, rows), cut, lowerBound);
            }
        } catch (SQLException e) {
            if (!timedOut.get() && String.valueOf(e.getMessage()).contains("Invalid result set")) {
                throw userQueryError(hiddenStreamingError(sql, timeoutSeconds, maxRows, e), false, timeoutSeconds);
            }
            throw userQueryError(e, timedOut.get() && !fetchedAll, timeoutSeconds);
        } catch (OutOfMemoryError e) {
            throw new InputException(file.toString(), "SQL", "the rows of the query do not fit in Java's memory",
                    "ask for fewer rows or shorter values (LIMIT, --max-rows, left(column, 100)), or raise the heap: GUTBRAIN_JAVA_OPTS=-Xmx16g");
        }
    }

    /**
     * The DuckDB 2.0 JDBC driver reports every error of a streamed query (memory limit, failed
     * cast, error()) as "Invalid result set". Streaming cannot be turned off: a materialized
     * result ignores the memory limit. So the query runs once more, materialized but wrapped
     * in a LIMIT (so its result stays small), under the same time limit, to learn the reason.
     */
    private SQLException hiddenStreamingError(String sql, int timeoutSeconds, int maxRows, SQLException original) {
        String wrapped = "SELECT * FROM (\n" + SqlStatementCheck.statementText(sql) + "\n) LIMIT " + (maxRows + 1L);
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            setStreaming(false);
            try (PreparedStatement ps = conn.prepareStatement(wrapped);
                 QueryWatchdog dog = new QueryWatchdog(ps, timeoutSeconds, timedOut)) {
                ps.execute();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) { /* drain: an error may come with any row */ }
                }
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                if (timedOut.get()) return new java.sql.SQLTimeoutException(m, e);
                if (!m.contains("Invalid result set") && !m.contains("Parser Error")) return e;
            } finally {
                setStreaming(true);
            }
        } catch (SQLException e) {
            return e;
        }
        return new SQLException("the query failed while running; DuckDB did not say why (most often the memory limit, a failed"
                + " cast or error()): " + firstLine(String.valueOf(original.getMessage())), original);
    }

    private void setStreaming(boolean on) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("SET jdbc_stream_results = " + on);
        }
    }

    /** One line for an SQL error of a user's query: refusals say how to get data out instead. */
    private InputException userQueryError(SQLException e, boolean timedOut, int timeoutSeconds) {
        String m = firstLine(String.valueOf(e.getMessage()));
        String src = file.toString();
        if (timedOut || e instanceof java.sql.SQLTimeoutException || m.startsWith("INTERRUPT")) {
            return new InputException(src, "SQL", "the query did not finish within its time limit of " + timeoutSeconds + " s",
                    "raise the limit with --timeout SECONDS (at most 86400), or narrow the query (WHERE, LIMIT)", e);
        }
        if (m.contains("Out of Memory")) {
            return new InputException(src, "SQL", "the query needs more memory than its limit of " + memoryLimitMiB + " MiB (" + m + ")",
                    "raise the limit with --memory-limit MIB, or narrow the query (WHERE, LIMIT, fewer columns)", e);
        }
        if (m.contains("Permission Error")) {
            java.util.regex.Matcher path = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(m);
            String what = path.find() ? "the file " + path.group(1) : "files outside the store";
            return new InputException(src, "SQL", "reading or writing " + what + " is not allowed; runs sql reads only the store", EXPORT_FIX, e);
        }
        if (m.contains("read-only mode")) return new InputException(src, "SQL", "changing the store is not allowed", EXPORT_FIX, e);
        if (m.contains("configuration has been locked")) return new InputException(src, "SQL", "changing settings is not allowed", EXPORT_FIX, e);
        if (m.contains("xtension")) return new InputException(src, "SQL", "installing or loading DuckDB extensions is not allowed (" + m + ")", EXPORT_FIX, e);
        return new InputException(src, "SQL", m, "check the statement; list tables with: SHOW TABLES", e);
    }

    /** Interrupts a statement when its time is up (a daemon thread, so it never keeps the JVM alive). */
    private static final class QueryWatchdog implements AutoCloseable {
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "gutbrain-sql-watchdog");
                    t.setDaemon(true);
                    return t;
                });
        private final java.util.concurrent.ScheduledFuture<?> task;

        QueryWatchdog(Statement st, int seconds, java.util.concurrent.atomic.AtomicBoolean timedOut) {
            task = TIMER.schedule(() -> {
                timedOut.set(true);
                try {
                    st.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // the statement finished or closed meanwhile
                }
            }, seconds, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override public void close() { task.cancel(false); }
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v;
        return v.toString();
    }

    /**
     * Closes the connection. A run started through this store and not finished is no longer
     * live: the next {@link #open} marks it {@code interrupted}.
     */
    @Override
    public synchronized void close() {
        for (String id : startedHere) LIVE_RUNS.remove(liveKey(id));
        startedHere.clear();
        try {
            conn.close();
        } catch (SQLException e) {
            throw storeError(file, e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // already failing with a better message
        }
    }

    // ---- helpers ----

    private void requireWritable() {
        if (readOnly) throw new IllegalStateException("the results store was opened read-only");
    }

    private void requireRun(String runId) {
        if (query("SELECT 1 FROM runs WHERE run_id = ?", runId).rows().isEmpty()) throw unknownRun(runId);
    }

    private InputException unknownRun(String runId) {
        return new InputException(file.toString(), "run '" + runId + "'", "no such run", "list the runs with 'gutbrain runs list'");
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw storeError(file, e);
        }
    }

    private static String ts(LocalDateTime t) { return t.truncatedTo(ChronoUnit.MILLIS).format(TS); }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            throw new InputException(f.toString(), null, "cannot read: " + e.getMessage(), "check the path");
        }
    }

    /** An SQL identifier in double quotes (names come from validated ResultTable names and column names). */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
