package dev.jlivepatch.agent.internal.watch;

import java.nio.file.Path;

/**
 * A jar of the directory that is stable and copied, with what was learnt of
 * it: either the id of the patch it holds, or why it is refused.
 *
 * @param name its name in the directory
 * @param seen the look at the file it was copied from
 * @param copy the private copy that is checked and loaded
 * @param sha256 the hash of its content
 * @param id the patch's {@code Livepatch-Id}; null when refused
 * @param refusal the line to log when it is refused (an untrusted signature, a jar that cannot be read); null when
 *     it can be loaded
 */
record Candidate(String name, Seen seen, Path copy, String sha256, String id, String refusal) {
}
