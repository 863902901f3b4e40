package io.gutbrain.study;

/**
 * What happened to one pipeline step: how long it took and whether its result came from the
 * step cache ({@code <out>/.cache/<step>-<key>/}) instead of being computed.
 *
 * @param step    the step name ({@code load}, {@code measures}, {@code rarefaction}, {@code alpha},
 *                {@code beta}, {@code association}, {@code report})
 * @param seconds wall-clock seconds, loading or computing
 * @param cached  true when the cached result was loaded
 * @param key     the cache key (SHA-256 hex of the step name, parameters, gutbrain version and
 *                upstream keys); empty for steps that are never cached
 */
public record StepRecord(String step, double seconds, boolean cached, String key) {}
