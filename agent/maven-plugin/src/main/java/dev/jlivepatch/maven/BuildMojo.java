package dev.jlivepatch.maven;

import dev.jlivepatch.agent.internal.build.BuildException;
import dev.jlivepatch.agent.internal.build.BuildOptions;
import dev.jlivepatch.agent.internal.build.Builder;
import dev.jlivepatch.agent.internal.build.Report;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code jlivepatch:build}: makes a patch jar that turns the project's
 * previous release, as it runs, into the current build, for the methods that
 * changed (docs/build.md). The same builder, options and report as
 * {@code java -jar jlivepatch.jar build}; a change that cannot be patched
 * safely fails the build with the report.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class BuildMojo extends AbstractMojo {
    /** {@code groupId:artifactId[:extension[:classifier]]:version}. */
    private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+(:[^:/\\\\\\s]+){2,4}");

    /**
     * The release that runs now: its coordinates ({@code com.example:shop:1.0}), resolved from the project's
     * repositories, or the path of its jar or class directory.
     */
    @Parameter(property = "jlivepatch.previous", required = true)
    private String previous;

    /** The build with the fix: a class directory or a jar. */
    @Parameter(property = "jlivepatch.current", defaultValue = "${project.build.outputDirectory}", required = true)
    private File current;

    /** The patch id ({@code Livepatch-Id}). */
    @Parameter(property = "jlivepatch.id", defaultValue = "${project.artifactId}-${project.version}", required = true)
    private String id;

    /** An atomic-replace patch ({@code Livepatch-Replace: true}). */
    @Parameter(property = "jlivepatch.replace", defaultValue = "false")
    private boolean replace;

    /** Take only these changes: {@code CLASS} or {@code CLASS#METHOD} patterns, as {@code --include}. */
    @Parameter(property = "jlivepatch.includes")
    private List<String> includes;

    /** Report every method: what changed and the decision. */
    @Parameter(property = "jlivepatch.explain", defaultValue = "false")
    private boolean explain;

    /** The patch's description ({@code Livepatch-Description}); by default one naming the two builds. */
    @Parameter(property = "jlivepatch.description")
    private String description;

    /** The patch jar to write. */
    @Parameter(property = "jlivepatch.output",
            defaultValue = "${project.build.directory}/${project.build.finalName}-livepatch.jar", required = true)
    private File output;

    /** Skips the goal. */
    @Parameter(property = "jlivepatch.skip", defaultValue = "false")
    private boolean skip;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession session;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> repositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jlivepatch:build skipped");
            return;
        }
        List<String> patterns = includes == null ? List.of() : includes;
        try {
            Builder.checkId(id);
            Builder.checkIncludes(patterns);
        } catch (BuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Path old = previous();
        getLog().info("jlivepatch build: " + old + " -> " + current);
        Builder.Result r;
        try {
            r = Builder.build(new BuildOptions(old, current.toPath(), id, replace, patterns, output.toPath(),
                    description));
        } catch (BuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (Report.Entry e : r.report().entries()) {
            if (e.decision() == Report.Decision.REFUSE) {
                getLog().error(e.line(explain));
            } else if (explain || e.decision() != Report.Decision.UNCHANGED && e.decision() != Report.Decision.EXCLUDE) {
                getLog().info(e.line(explain));
            }
        }
        if (r.outcome() != Builder.Outcome.WRITTEN) {
            throw new MojoFailureException(r.summary());
        }
        getLog().info(r.summary());
    }

    /** The previous release: a file as given, else coordinates resolved from the project's repositories. */
    private Path previous() throws MojoExecutionException {
        Path asPath = Path.of(previous);
        if (Files.exists(asPath) || !COORDINATES.matcher(previous).matches()) {
            return asPath;
        }
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(previous), repositories, null);
            File file = repositorySystem.resolveArtifact(session, request).getArtifact().getFile();
            getLog().info("previous release " + previous + ": " + file);
            return file.toPath();
        } catch (ArtifactResolutionException | IllegalArgumentException e) {
            throw new MojoExecutionException("cannot resolve the previous release " + previous + ": "
                    + e.getMessage(), e);
        }
    }
}
