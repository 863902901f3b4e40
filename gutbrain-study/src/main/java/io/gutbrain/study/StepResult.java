package io.gutbrain.study;

import java.util.List;

/**
 * The numbers a {@link Step} computes: a record of plain values (numbers, text, lists of them;
 * no figures, no arrays — records compare lists by value, so a cached copy equals the fresh
 * result) that Jackson serialises to JSON for the step cache. Each result carries its own notes
 * (samples left out and why, fallbacks taken), which its section shows.
 */
public interface StepResult {
    /** Notes about this result for its report section, in order; may be empty. */
    List<String> notes();
}
