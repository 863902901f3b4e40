package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;

/**
 * What a step's configuration may take from the rest of the study file besides its own section
 * (the design's group, the seed, ...). A {@link StepSchema} copies what its step uses into the
 * configuration record, so the record — and with it the cache key — holds every setting the
 * step reads.
 *
 * @param inputs   the input files (some may be null when the file has problems)
 * @param design   the design as read
 * @param metadata the metadata sheet, or null when it could not be read
 * @param seed     the study's seed
 */
public record StudyFacts(Study.Inputs inputs, Study.Design design, SampleMetadata metadata, long seed) {}
