package io.gutbrain.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gutbrain.error.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder that appears whole or not at all. A command writes its files into a hidden
 * sibling staging folder ({@code .<name>.staging-<pid>-<random>}, see {@link #dir()}); only
 * {@link #commit()} moves it into place, with one rename. {@link #close()} without a commit (any
 * exception on the way) deletes the staging folder, so a failure leaves neither a half-written
 * folder nor a leftover.
 *
 * <p><b>Whose folder may be replaced.</b> Every folder gutbrain writes holds a marker file
 * {@value #MARKER} (tool, command, version, time and the entries it wrote). An existing target is
 * replaced when it is empty, or when it is gutbrain's own: it has the marker and holds nothing
 * but the entries the marker lists (a folder of an older gutbrain, recognised by a
 * {@code provenance.json} whose tool is gutbrain, a {@code report.html} or a
 * {@code results.duckdb}, also counts as its own). Anything else is refused in one line unless
 * {@code force} is set, which replaces the folder and deletes what it held. An existing file
 * at the target is always refused.
 *
 * <p><b>Replacing.</b> The old folder is renamed aside to {@code .<name>.old-<pid>-<random>},
 * the staging folder is renamed to the target, then the old folder is deleted. Each rename is
 * atomic, so the target is at every moment either the old or the new output, except between
 * the two renames; a crash there leaves no target, the old folder aside and the complete new one
 * staged, and the next start restores the old one (below).
 *
 * <p><b>Leftovers.</b> Opening a folder (either way) first tidies its parent: staging folders of
 * dead processes ({@link Leftovers}: pid gone, pid reused, or older than a day) are deleted; a
 * dead process's {@code .old-} folder is renamed back when its target is missing (the crash
 * between the renames) and deleted otherwise.
 *
 * <p>A command that keeps working inside its folder across runs (the step cache of
 * {@code study run}, the demo) uses {@link #claim} instead: the same checks and marker, no
 * staging.
 */
public final class OutputFolder implements AutoCloseable {
    /** Name of the marker file in every folder gutbrain writes. */
    public static final String MARKER = ".gutbrain-output";

    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(staging|old)-(\\d{1,18})-[0-9a-z]+");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Staging folders of this process being written, to their targets: messages name the target. */
    private static final Map<Path, Path> ACTIVE = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path target;
    private final Path staging;
    private final String command;
    private final String version;
    private boolean committed;

    private OutputFolder(Path target, Path staging, String command, String version) {
        this.target = target;
        this.staging = staging;
        this.command = command;
        this.version = version;
    }

    /**
     * Checks {@code target} may be written (see the class comment), removes stale leftovers beside
     * it and creates the staging folder.
     *
     * @param command the command line, recorded in the marker
     * @param version gutbrain's version, recorded in the marker
     * @param force   replace {@code target} even when it is not gutbrain's own
     * @throws InputException when the target is a file, a foreign folder (without force) or not writable
     */
    public static OutputFolder stage(Path target, String command, String version, boolean force) {
        Path abs = absolute(target);
        Path parent = parentOf(abs, target);
        check(abs, target, force, true);
        try {
            Files.createDirectories(parent);
            removeStaleLeftovers(parent);
            Path staging = sibling(abs, "staging");
            Files.createDirectory(staging);
            ACTIVE.put(staging, abs);
            return new OutputFolder(abs, staging, command, version);
        } catch (IOException | UncheckedIOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * For a folder a command works in directly across runs: checks it as {@link #stage} does
     * (a gutbrain folder is kept whatever it holds), replaces a foreign one only with
     * {@code force}, creates it and writes the marker. Returns the absolute folder.
     */
    public static Path claim(Path target, String command, String version, boolean force) {
        Path abs = absolute(target);
        Path parent = parentOf(abs, target);
        boolean replace = check(abs, target, force, false);
        try {
            Files.createDirectories(parent);
            removeStaleLeftovers(parent);
            if (replace) {
                Path old = sibling(abs, "old");
                move(abs, old);
                Leftovers.deleteTree(old);
            }
            Files.createDirectories(abs);
            if (!Files.exists(abs.resolve(MARKER))) writeMarker(abs, command, version, null);
            return abs;
        } catch (IOException | UncheckedIOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * Throws the refusal {@link #stage} would give for {@code target} without force, so a long
     * command can refuse before it starts rather than when it writes.
     */
    public static void checkReplaceable(Path target) {
        Path abs = absolute(target);
        check(abs, target, false, true);
    }

    /**
     * For {@code --force} on a folder claimed with {@link #claim}: deletes its sub-folder
     * {@code target} when {@link #stage} would refuse to replace it (a foreign folder, or one
     * holding files gutbrain did not write), so the later staged write can proceed. A file
     * there is left alone (and refused later).
     */
    public static void discardIfRefused(Path target) {
        Path abs = absolute(target);
        if (!Files.isDirectory(abs)) return;
        try {
            check(abs, target, false, true);
        } catch (InputException refused) {
            try {
                Path old = sibling(abs, "old");
                move(abs, old);
                Leftovers.deleteTree(old);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
        }
    }

    /** The staging folder to write into. */
    public Path dir() {
        return staging;
    }

    /** {@code name} inside the staging folder. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    /** The final folder. */
    public Path target() {
        return target;
    }

    /** Where {@code staged} (a path inside the staging folder) will be after the commit, e.g. for provenance. */
    public Path finalPath(Path staged) {
        Path rel = staging.relativize(staged.toAbsolutePath());
        if (rel.startsWith("..")) throw new IllegalArgumentException(staged + " is not inside " + staging);
        return target.resolve(rel);
    }

    /**
     * Writes the marker and moves the staging folder into place, replacing an existing target
     * (checked when the folder was opened). Returns the final folder.
     */
    public Path commit() {
        if (committed) return target;
        Path old = null;
        try {
            writeMarker(staging, command, version, entries(staging));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = sibling(target, "old");
                move(target, old);
            }
            try {
                move(staging, target);
            } catch (IOException e) {
                if (old != null) move(old, target); // put the previous output back
                old = null;
                throw e;
            }
            committed = true;
            if (old != null) Leftovers.deleteTree(old);
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** Deletes the staging folder unless the output was committed. */
    @Override public void close() {
        ACTIVE.remove(staging);
        if (!committed) Leftovers.deleteTree(staging);
    }

    /**
     * The path a user should see for {@code p}: its final place when {@code p} lies in a staging
     * folder being written by this process (an error while writing names {@code --out/x.tsv},
     * not the hidden staging name), else {@code p} itself.
     */
    public static Path shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Map.Entry<Path, Path> e : ACTIVE.entrySet()) {
            if (abs.startsWith(e.getKey())) return e.getValue().resolve(e.getKey().relativize(abs));
        }
        return p;
    }

    /**
     * Removes stale staging and {@code .old-} folders beside {@code dir}'s entries (see the class
     * comment); returns how many were removed or restored.
     */
    public static int removeStaleLeftovers(Path dir) {
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*-*")) {
            for (Path p : s) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (!Leftovers.isStale(Long.parseLong(m.group(3)), p)) continue;
                Path original = dir.resolve(m.group(1));
                if (m.group(2).equals("old") && !Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        move(p, original); // a crash between the two renames of a replacement: the old output comes back
                        n++;
                        continue;
                    } catch (IOException ignored) {
                        // fall through and keep it: better a hidden copy than none
                        continue;
                    }
                }
                Leftovers.deleteTree(p);
                n++;
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            // an unreadable parent fails the write itself, with a clear message
        }
        return n;
    }

    /**
     * Checks the target; returns whether an existing folder must be replaced as a whole
     * (for {@link #claim}: a foreign folder with force).
     */
    private static boolean check(Path abs, Path given, boolean force, boolean staged) {
        if (!Files.exists(abs)) {
            if (Files.isSymbolicLink(abs)) {
                throw new InputException(given.toString(), null, "is a broken symbolic link", "choose another --out path");
            }
            return false;
        }
        if (!Files.isDirectory(abs)) {
            throw new InputException(given.toString(), null, "exists and is a file, not an output folder", "choose another --out path");
        }
        List<String> entries = entries(abs);
        entries.remove(MARKER);
        if (entries.isEmpty()) return false;
        JsonNode marker = readMarker(abs);
        String problem;
        String fix = "choose a new or empty folder, or add --force to replace it and delete what it holds";
        if (marker != null) {
            if (!staged) return false;
            Set<String> listed = new TreeSet<>();
            marker.path("entries").forEach(e -> listed.add(e.asText()));
            List<String> unknown = new ArrayList<>();
            for (String e : entries) if (!listed.contains(e)) unknown.add(e);
            if (unknown.isEmpty()) return false;
            problem = "holds " + describe(unknown) + ", which the earlier output did not include; the folder is not replaced";
            fix = "move " + (unknown.size() == 1 ? "it" : "them") + " out of the folder, or add --force to replace the folder and delete "
                    + (unknown.size() == 1 ? "it" : "them");
        } else if (isLegacyOwn(abs)) {
            return false;
        } else {
            problem = "is a folder gutbrain did not write (no " + MARKER + " marker); it is not replaced";
        }
        if (force) return true;
        throw new InputException(given.toString(), null, problem, fix);
    }

    /** Folders of gutbrain versions before the marker. */
    private static boolean isLegacyOwn(Path dir) {
        if (Files.isRegularFile(dir.resolve("report.html")) || Files.isRegularFile(dir.resolve("results.duckdb"))) return true;
        Path prov = dir.resolve("provenance.json");
        if (!Files.isRegularFile(prov)) return false;
        try {
            return "gutbrain".equals(JSON.readTree(prov.toFile()).path("tool").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static JsonNode readMarker(Path dir) {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            JsonNode n = JSON.readTree(m.toFile());
            return n != null && "gutbrain".equals(n.path("tool").asText()) ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeMarker(Path dir, String command, String version, List<String> entries) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "gutbrain");
        m.put("version", version);
        m.put("command", command);
        m.put("written", Instant.now().toString());
        if (entries != null) {
            entries.remove(MARKER);
            m.put("entries", entries);
        } else {
            m.put("note", "a folder gutbrain works in across runs");
        }
        Files.write(dir.resolve(MARKER), JSON.writeValueAsBytes(m));
    }

    private static List<String> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() <= 3 ? shown : shown + " and " + (names.size() - 3) + " more";
    }

    private static Path sibling(Path target, String kind) {
        Path p;
        do {
            p = target.resolveSibling("." + target.getFileName() + "." + kind + "-" + Leftovers.pid() + "-" + Leftovers.token());
        } while (Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static Path absolute(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            // a symbolic link to a folder: stage next to the real folder, so the link stays
            if (Files.isSymbolicLink(abs) && Files.isDirectory(abs)) abs = abs.toRealPath();
        } catch (IOException ignored) {
            // checked again below
        }
        return abs;
    }

    private static Path parentOf(Path abs, Path given) {
        Path parent = abs.getParent();
        if (parent == null) {
            throw new InputException(given.toString(), null, "the file-system root cannot be an output folder", "choose a folder such as ./out");
        }
        return parent;
    }

    private static InputException cannotWrite(Path target, Exception e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        String msg = c instanceof java.nio.file.AccessDeniedException ? "permission denied: " + c.getMessage()
                : c instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(c.getMessage());
        return new InputException(target.toString(), null, "cannot write the output folder: " + msg,
                "check the folder's parent is writable and the disk has space", c);
    }
}
