package io.gutbrain.cli;

import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A seeded mutation fuzzer over every reader, run through the real command line.
 *
 * <p>Each {@link FuzzTarget} starts from small valid input files, mutates one of them (bit flips,
 * hostile bytes and tokens, deleted, repeated or swapped spans and lines, truncation, gzip) and
 * runs the command that reads it. Whatever the mutation, the reliability contract must hold
 * ({@link Contract}): exit 0 (the damage was harmless) or exit 2 with one line that names a file
 * or option and a fix, never an internal error or a stack trace, nothing left behind on failure,
 * and bounded time.
 *
 * <p>CI runs {@value #DEFAULT_TRIES} cases per reader with the fixed seed {@value #DEFAULT_SEED},
 * so a failure reproduces exactly. A longer pass (docs/reliability.md):
 * {@code mvn -B -pl gutbrain-cli -am test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgutbrain.fuzz.tries=5000 -Dgutbrain.fuzz.seed=7}. Failing inputs are saved under
 * {@code gutbrain-cli/target/fuzz-failures/} with the command that read them.
 */
class ReaderFuzzTest {
    static final int DEFAULT_TRIES = 60;
    static final long DEFAULT_SEED = 20261208L;
    /** Generous: the largest fuzz input is a few kB, so anything near this is a hang. */
    static final Duration PER_CASE = Duration.ofSeconds(30);

    static final int TRIES = Integer.getInteger("gutbrain.fuzz.tries", DEFAULT_TRIES);
    static final long SEED = Long.getLong("gutbrain.fuzz.seed", DEFAULT_SEED);
    /** One reader only ({@code -Dgutbrain.fuzz.target=biom-hdf5}), to reproduce a failure quickly. */
    static final String ONLY = System.getProperty("gutbrain.fuzz.target");

    @TestFactory
    Stream<DynamicTest> everyReaderKeepsTheContractUnderMutation() {
        return FuzzTarget.all().stream().filter(t -> ONLY == null || ONLY.equals(t.name())).map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t)));
    }

    private static void fuzz(FuzzTarget target) throws IOException {
        Random rnd = new Random(SEED ^ target.name().hashCode());
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        long slowestNanos = -1;
        String slowest = "";
        byte[] slowestBytes = null;
        String[] slowestArgs = null;
        for (int i = 0; i < TRIES; i++) {
            Path dir = Files.createTempDirectory("gutbrain-fuzz-");
            try {
                target.writeSeeds(dir);
                Path attacked = dir.resolve(target.attacked());
                byte[] bytes = Mutator.mutate(Files.readAllBytes(attacked), rnd);
                Files.write(attacked, bytes);
                Path out = dir.resolve("out");
                Files.createDirectories(out);
                Set<String> before = listing(dir);
                String[] args = target.command(dir, out);
                int n = i;
                CliRun r;
                long t0 = System.nanoTime();
                try {
                    r = assertTimeoutPreemptively(PER_CASE, () -> CliRun.of(args),
                            () -> target.name() + " case " + caseId(n) + " ran longer than " + PER_CASE);
                } catch (AssertionError timedOut) {
                    throw new AssertionError(timedOut.getMessage() + " | args " + String.join(" ", args) + " | saved " + save(target, n, bytes, args), timedOut);
                }
                long took = System.nanoTime() - t0;
                if (took > slowestNanos) {
                    slowestNanos = took;
                    slowest = caseId(i) + " (" + (r.exitCode() == 0 ? "accepted" : "refused");
                    slowestBytes = bytes;
                    slowestArgs = args;
                }
                String problem = Contract.violation(r, target.fileNames(), before, listing(dir), target.listsEveryProblem());
                if (problem != null) {
                    failures.add(target.name() + " case " + caseId(i) + ": " + problem + " | args " + String.join(" ", args)
                            + " | saved " + save(target, i, bytes, args));
                } else if (r.exitCode() == 0) {
                    accepted++;
                } else {
                    refused++;
                }
            } finally {
                deleteTree(dir);
            }
        }
        // saved once, at the end: the slowest input is the one to look at for a near-hang
        if (slowestBytes != null) slowest += ", saved " + save(target, -1, slowestBytes, slowestArgs) + ")";
        // one line per reader in the test output: the figures docs/reliability.md quotes
        System.out.printf(java.util.Locale.ROOT, "fuzz %-16s seed %d: %d cases, %d refused with one line, %d accepted, %d broke the contract; slowest %.2f s: case %s%n",
                target.name(), SEED, TRIES, refused, accepted, failures.size(), slowestNanos / 1e9, slowest);
        assertThat(failures).as("%s: %d refused, %d accepted, %d broke the contract (seed %d)",
                target.name(), refused, accepted, failures.size(), SEED).isEmpty();
        // A fuzzer whose every mutation is harmless tests nothing: most must be caught.
        assertThat(refused).as("%s: mutations refused", target.name()).isGreaterThan(TRIES / 10);
    }

    private static String caseId(int i) { return SEED + "/" + i; }

    private static String save(FuzzTarget target, int i, byte[] bytes, String[] args) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            String stem = target.name() + "-" + (i < 0 ? "slowest" : Integer.toString(i));
            Path f = dir.resolve(stem + "-" + target.attacked());
            Files.write(f, bytes);
            Files.writeString(dir.resolve(stem + ".args"), String.join(" ", args) + "\n");
            return f.toString();
        } catch (IOException e) {
            return "(not saved: " + e.getMessage() + ")";
        }
    }

    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Mutation operators; each case applies one to four of them, sometimes gzips the result. */
    static final class Mutator {
        private Mutator() {}

        static final byte[] HOSTILE_BYTES = {0, '\t', '\n', '\r', '"', '(', ')', ',', ':', ';', '[', ']', '{', '}', '#',
                '\'', '-', '.', 'e', ' ', (byte) 0xFF, (byte) 0xC3, (byte) 0x80, 0x7F};
        static final String[] HOSTILE_TOKENS = {"\t", "\n", "\u0000", "-1", "NaN", "Inf", "-0", "1e309", "4.9e-324",
                "99999999999999999999", "0x10", "1,5", "\"", "\"\"", "((", "))", ":-1", ";", "{}", "[]", "null",
                "\r\n", "\t\t\t", "#", "sample-id", "#OTU ID", "S1", "K00001", "///", "items: a..b", "  - x", "&a [*a]",
                "\u00e9", "\ufeff"};

        static byte[] mutate(byte[] in, Random rnd) throws IOException {
            byte[] b = in;
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) b = once(b, rnd);
            if (rnd.nextInt(12) == 0) b = gzip(b);
            return b;
        }

        private static byte[] once(byte[] b, Random rnd) {
            if (b.length == 0) return token(rnd);
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(9)) {
                case 0: { // flip a bit
                    byte[] c = b.clone();
                    c[at] ^= (byte) (1 << rnd.nextInt(8));
                    return c;
                }
                case 1: { // a hostile byte in place of one
                    byte[] c = b.clone();
                    c[at] = HOSTILE_BYTES[rnd.nextInt(HOSTILE_BYTES.length)];
                    return c;
                }
                case 2: // a hostile token inserted
                    return splice(b, at, at, token(rnd));
                case 3: { // a span deleted
                    int end = Math.min(b.length, at + 1 + rnd.nextInt(16));
                    return splice(b, at, end, new byte[0]);
                }
                case 4: { // a span repeated
                    int end = Math.min(b.length, at + 1 + rnd.nextInt(32));
                    byte[] span = java.util.Arrays.copyOfRange(b, at, end);
                    return splice(b, end, end, span);
                }
                case 5: // truncated
                    return java.util.Arrays.copyOf(b, at);
                case 6: // a token replacing a field
                    return splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(6)), token(rnd));
                case 7:
                    return lines(b, rnd, true);
                default:
                    return lines(b, rnd, false);
            }
        }

        private static byte[] token(Random rnd) {
            return HOSTILE_TOKENS[rnd.nextInt(HOSTILE_TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        }

        /** Swaps two lines, or repeats one. */
        private static byte[] lines(byte[] b, Random rnd, boolean swap) {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            List<String> ls = new ArrayList<>(List.of(s.split("\n", -1)));
            if (ls.size() < 2) return b;
            int i = rnd.nextInt(ls.size());
            int j = rnd.nextInt(ls.size());
            if (swap) {
                String t = ls.get(i);
                ls.set(i, ls.get(j));
                ls.set(j, t);
            } else {
                ls.add(j, ls.get(i));
            }
            return String.join("\n", ls).getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
            byte[] c = new byte[b.length - (to - from) + insert.length];
            System.arraycopy(b, 0, c, 0, from);
            System.arraycopy(insert, 0, c, from, insert.length);
            System.arraycopy(b, to, c, from + insert.length, b.length - to);
            return c;
        }

        static byte[] gzip(byte[] b) throws IOException {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(b);
            }
            return bos.toByteArray();
        }
    }

    /** Seeds in binary formats made by gutbrain's own writers from the text seed. */
    static byte[] tableAs(TableFormat format, String tsv) {
        try {
            Path dir = Files.createTempDirectory("gutbrain-fuzz-seed-");
            try {
                Path in = dir.resolve("t.tsv");
                Files.writeString(in, tsv);
                Path out = dir.resolve("t.out");
                TableIO.write(TableIO.read(in), out, format);
                return Files.readAllBytes(out);
            } finally {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
