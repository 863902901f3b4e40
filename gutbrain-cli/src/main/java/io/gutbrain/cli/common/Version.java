package io.gutbrain.cli.common;

import picocli.CommandLine;

/** The gutbrain version, read from the jar manifest (falls back to "dev" when run from classes). */
public final class Version {
    private Version() {}

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Supplies {@code --version} output. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[]{"gutbrain " + get(), "Java " + System.getProperty("java.version")};
        }
    }
}
