package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The footprint settings of decision 0033 hold together: each container image sizes its heap as a share of the
 * container's memory limit and runs the measured JVM options with a class-data archive of its own JVM, and compose and
 * Kubernetes give each service the same limit, large enough for the heap plus the JVM's own memory.
 */
class FootprintTest {

    /** What the JVM uses beside the heap (metaspace, code, threads, the class-data archive), measured with NMT. */
    static final long NON_HEAP_BYTES = 128L * 1024 * 1024;
    static final Pattern RATIO = Pattern.compile("(?m)^ENV JAVA_MAX_MEM_RATIO=(\\d+)$");

    @Test
    void everyImageRunsTheMeasuredJvmOptionsWithAnArchiveOfItsOwnJvm() {
        for (ServiceConfig service : ServiceConfig.all()) {
            String dockerfile = Repo.read(service.name() + "/src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).as(service.name())
                    .contains("ENV GC_CONTAINER_OPTIONS=\"-XX:+UseSerialGC\"")
                    .contains("ENV JAVA_INITIAL_MEM_RATIO=")
                    .contains("ENV MALLOC_ARENA_MAX=2")
                    .contains("-XX:TieredStopAtLevel=1")
                    .contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa")
                    // written at the path run-java.sh starts, by the image's JVM
                    .contains("RUN java -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Dquarkus.appcds.generate=true"
                            + " -jar /deployments/quarkus-run.jar")
                    .contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
            assertThat(RATIO.matcher(dockerfile).find()).as(service.name() + " JAVA_MAX_MEM_RATIO").isTrue();
        }
    }

    @Test
    void composeAndKubernetesGiveEachServiceTheSameLimitWithRoomBesideTheHeap() {
        Manifests base = Manifests.load(Manifests.BASE);
        for (ServiceConfig service : ServiceConfig.all()) {
            Container container = KubernetesManifestsTest.container(base.deployment(service.name()), service.name());
            long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
            long request = Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")).longValue();

            String composeLimit = ComposeFileTest.services().get(service.name()).path("mem_limit").asText();
            assertThat(composeLimit).as(service.name() + " mem_limit in docker-compose.yml").matches("\\d+m");
            assertThat(Long.parseLong(composeLimit.replace("m", "")) * 1024 * 1024).as(service.name()).isEqualTo(limit);

            Matcher ratio = RATIO.matcher(Repo.read(service.name() + "/src/main/docker/Dockerfile.jvm"));
            assertThat(ratio.find()).isTrue();
            long heap = limit * Integer.parseInt(ratio.group(1)) / 100;
            assertThat(limit - heap).as(service.name() + ": the JVM's own memory beside a full heap")
                    .isGreaterThanOrEqualTo(NON_HEAP_BYTES);
            assertThat(request).as(service.name() + ": the request holds the JVM and some heap")
                    .isGreaterThan(NON_HEAP_BYTES);
        }
    }
}
