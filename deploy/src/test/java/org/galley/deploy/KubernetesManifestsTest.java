package org.galley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.galley.enrich.EnrichApp;
import org.galley.ingest.IngestApp;
import org.galley.ingest.IngestSettings;
import org.galley.render.RenderApp;
import org.galley.runtime.OperationsServer;
import org.galley.runtime.StreamsService;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests (kubernetes/base), held to the Kubernetes API and to the services they run. Every
 * document is bound to fabric8's model of its kind with unknown fields as errors: the API server drops a misspelt
 * field without a word, so a {@code livenesProbe} spelt wrong would simply never probe. Then each stage's workload
 * is checked against the services' own settings: probes on the ops port's live and ready paths, ingest's door on
 * its port, resources, a disruption budget, a grace period longer than a close. The KEDA example
 * (examples/keda) is a custom resource fabric8 has no model for; it is checked as plain YAML against the stages'
 * consumer groups and input topics.
 */
class KubernetesManifestsTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final Path KEDA = Path.of("kubernetes", "examples", "keda");

    /** The ops server's health paths (issue 11): live answers while the process works, ready while it serves. */
    private static final String LIVE_PATH = OperationsServer.LIVE_PATH;
    private static final String READY_PATH = OperationsServer.READY_PATH;
    /** SiteApp's default {@code GALLEY_SITE_PORT}. */
    private static final int SITE_PORT = 8080;
    /** The heap every stage ran within in the benchmark (docs/performance.md, heapPerStage). */
    private static final String BENCHMARK_HEAP = "-Xmx256m";
    /** What a JVM needs beside its heap: metaspace, code cache, thread stacks, direct buffers. */
    private static final long NON_HEAP_BYTES = 256L * 1024 * 1024;
    /** The longest close: Kafka Streams' 30 s (StreamsService), plus ingest's producer's 10 s (KafkaSubmissionSink). */
    private static final int LONGEST_CLOSE_SECONDS = (int) StreamsService.CLOSE_TIMEOUT.toSeconds() + 10;

    private static final List<String> STAGES = List.of("ingest", "enrich", "render", "site");
    private static final List<String> STREAMS_STAGES = List.of("ingest", "enrich", "render");

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    /**
     * fabric8's model classes keep unknown fields in an any-setter map; with that switched off, Jackson's
     * FAIL_ON_UNKNOWN_PROPERTIES refuses them instead.
     */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    private static List<Map<String, Object>> rawDocuments;
    private static List<HasMetadata> resources;

    @BeforeAll
    static void loadTheBase() throws IOException {
        rawDocuments = new ArrayList<>();
        resources = new ArrayList<>();
        for (Path file : manifestFiles(BASE)) {
            for (Map<String, Object> document : documents(file)) {
                rawDocuments.add(document);
                try {
                    resources.add(bind(document));
                } catch (RuntimeException e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void theKustomizationListsEveryManifestInTheBaseAndNothingElse() throws IOException {
        Set<String> listed = new TreeSet<>(strings(kustomization(BASE).get("resources")));

        assertThat(listed).isEqualTo(manifestFiles(BASE).stream().map(file -> file.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyManifestBindsToTheKubernetesModelWithNoUnknownField() {
        assertThat(resources).isNotEmpty().allSatisfy(resource -> assertThat(resource.getMetadata().getName())
                .as(resource.getKind()).isNotBlank());
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanDropped() {
        Map<String, Object> probe = Map.of("httpGet", Map.of("path", LIVE_PATH, "port", "ops"), "periodSecond", 10);
        Map<String, Object> container = Map.of("name", "enrich", "image", "galley/enrich", "livenessProbe", probe);
        Map<String, Object> statefulSet = Map.of("apiVersion", "apps/v1", "kind", "StatefulSet",
                "metadata", Map.of("name", "enrich"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(container)))));

        assertThatThrownBy(() -> bind(statefulSet)).hasMessageContaining("periodSecond");
    }

    @Test
    void aKindWithoutAModelHereIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("apiVersion", "batch/v1", "kind", "CronJob",
                "metadata", Map.of("name", "x")))).hasMessageContaining("batch/v1/CronJob");
    }

    @Test
    void everyStreamsStageIsAStatefulSetWithItsOwnStateVolumeAtTheStateDir() {
        String stateDir = config().getData().get("GALLEY_STATE_DIR");

        for (String stage : STREAMS_STAGES) {
            StatefulSet workload = statefulSet(stage);
            assertThat(workload.getSpec().getVolumeClaimTemplates()).extracting(pvc -> pvc.getMetadata().getName())
                    .as(stage + "'s volume claim templates").contains("state");
            assertThat(container(stage).getVolumeMounts()).as(stage)
                    .anySatisfy(mount -> {
                        assertThat(mount.getName()).isEqualTo("state");
                        assertThat(mount.getMountPath()).isEqualTo(stateDir);
                    });
        }
    }

    @Test
    void theSiteKeepsItsFolderOnAVolume() {
        String siteDir = env(container("site"), "GALLEY_SITE_DIR").orElseThrow().getValue();
        List<String> claims = statefulSet("site").getSpec().getVolumeClaimTemplates().stream()
                .map(PersistentVolumeClaim::getMetadata).map(meta -> meta.getName()).toList();

        assertThat(container("site").getVolumeMounts()).filteredOn(mount -> mount.getMountPath().equals(siteDir))
                .extracting(VolumeMount::getName).singleElement().isIn(claims);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void probesAskTheOpsPortWhetherTheStageIsLiveAndReady(String stage) {
        Container container = container(stage);

        assertThat(env(container, "GALLEY_OPS_PORT")).as("the ops port is left at its default").isEmpty();
        assertHttpProbe(container, container.getLivenessProbe(), LIVE_PATH, OperationsServer.DEFAULT_PORT);
        assertHttpProbe(container, container.getReadinessProbe(), READY_PATH, OperationsServer.DEFAULT_PORT);
        if (container.getStartupProbe() != null) {
            assertHttpProbe(container, container.getStartupProbe(), LIVE_PATH, OperationsServer.DEFAULT_PORT);
        }
    }

    @Test
    void ingestsServiceReachesItsHttpDoorAndEachPodAdvertisesWhereItListens() {
        Container ingest = container("ingest");
        Service door = service("ingest");

        assertThat(env(ingest, "GALLEY_INGEST_PORT")).as("ingest listens on its default port").isEmpty();
        assertThat(door.getSpec().getSelector()).isEqualTo(podLabels("ingest"));
        assertThat(door.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(targetPort(ingest, port)).isEqualTo(IngestSettings.DEFAULT_PORT));
        assertThat(env(ingest, "GALLEY_INGEST_ADVERTISED_URL").orElseThrow().getValue())
                .isEqualTo("$(POD_IP):" + IngestSettings.DEFAULT_PORT);
        assertThat(env(ingest, "POD_IP").orElseThrow().getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("status.podIP");
    }

    @Test
    void theSitesServiceReachesTheFolderItServes() {
        Container site = container("site");
        Service service = service("site");

        assertThat(env(site, "GALLEY_SITE_PORT")).isEmpty();
        assertThat(service.getSpec().getSelector()).isEqualTo(podLabels("site"));
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(targetPort(site, port)).isEqualTo(SITE_PORT));
    }

    @Test
    void theIngestTokenComesFromTheSecretTheKustomizationGenerates() throws IOException {
        EnvVar token = env(container("ingest"), "GALLEY_INGEST_TOKEN").orElseThrow();
        List<Map<String, Object>> generators = maps(kustomization(BASE).get("secretGenerator"));

        assertThat(token.getValue()).as("never written into the manifest").isNull();
        String secret = token.getValueFrom().getSecretKeyRef().getName();
        assertThat(generators).anySatisfy(generator -> {
            assertThat(generator.get("name")).isEqualTo(secret);
            assertThat(strings(generator.get("literals"))).contains(token.getValueFrom().getSecretKeyRef().getKey() + "=");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void everyStageIsConfiguredByTheSharedConfigMapAndItsOwnEnvironment(String stage) {
        Container container = container(stage);

        assertThat(container.getEnvFrom()).extracting(source -> source.getConfigMapRef().getName())
                .containsExactly(config().getMetadata().getName());
        assertThat(container.getArgs()).isNullOrEmpty();
        assertThat(container.getCommand()).isNullOrEmpty();
    }

    @Test
    void everyConfigMapValueIsWrittenAsAString() {
        // Jackson would turn 6 into "6"; the API server refuses a ConfigMap whose value is a number.
        rawDocuments.stream().filter(document -> "ConfigMap".equals(document.get("kind")))
                .forEach(document -> assertThat(map(document.get("data")).values()).allSatisfy(
                        value -> assertThat(value).isInstanceOf(String.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void everyStageHasResourcesSizedForTheBenchmarksHeap(String stage) {
        Container container = container(stage);
        ResourceRequirements resources = container.getResources();

        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits()).containsKey("memory");
        assertThat(env(container, "JAVA_TOOL_OPTIONS").orElseThrow().getValue()).contains(BENCHMARK_HEAP);
        BigDecimal heap = BigDecimal.valueOf(256L * 1024 * 1024);
        assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                .isGreaterThanOrEqualTo(heap.add(BigDecimal.valueOf(NON_HEAP_BYTES)));
        assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                .as("a pod is scheduled where its limit fits").isEqualTo(
                        Quantity.getAmountInBytes(resources.getLimits().get("memory")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void everyStageHasADisruptionBudgetOverItsOwnPods(String stage) {
        List<PodDisruptionBudget> budgets = ofKind(PodDisruptionBudget.class).filter(budget ->
                podLabels(stage).entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
                .toList();

        assertThat(budgets).singleElement().satisfies(budget -> assertThat(
                budget.getSpec().getMaxUnavailable() != null || budget.getSpec().getMinAvailable() != null).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void everyStageIsGivenLongerToStopThanItTakesToCloseAndRunsAsItsImagesUser(String stage) {
        PodSpec pod = statefulSet(stage).getSpec().getTemplate().getSpec();

        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(LONGEST_CLOSE_SECONDS);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the Dockerfiles' USER").isEqualTo(10001L);
    }

    @Test
    void theKedaExampleScalesEachStreamsStageOnItsGroupsLagOnItsInputTopic() throws IOException {
        Map<String, Object> kustomization = kustomization(KEDA);
        List<Map<String, Object>> scaledObjects = new ArrayList<>();
        for (Path file : manifestFiles(KEDA)) {
            scaledObjects.addAll(documents(file));
        }
        Map<String, String> groups = Map.of("ingest", IngestApp.APPLICATION_ID, "enrich", EnrichApp.APPLICATION_ID,
                "render", RenderApp.APPLICATION_ID);
        Map<String, String> inputs = Map.of("ingest", Topics.SUBMITTED, "enrich", Topics.ACCEPTED,
                "render", Topics.ENRICHED);
        int partitions = Integer.parseInt(config().getData().get("GALLEY_TOPIC_PARTITIONS"));

        assertThat(strings(kustomization.get("resources"))).contains("../../base");
        assertThat(strings(kustomization(BASE).get("resources"))).as("the base works without KEDA's CRDs")
                .noneMatch(resource -> resource.contains("keda"));
        assertThat(scaledObjects).extracting(object -> map(object.get("metadata")).get("name"))
                .containsExactlyInAnyOrderElementsOf(STREAMS_STAGES);
        for (Map<String, Object> object : scaledObjects) {
            assertThat(object).containsEntry("apiVersion", "keda.sh/v1alpha1").containsEntry("kind", "ScaledObject");
            Map<String, Object> spec = map(object.get("spec"));
            assertThat(spec.keySet()).isSubsetOf("scaleTargetRef", "pollingInterval", "cooldownPeriod",
                    "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback",
                    "advanced", "triggers");
            Map<String, Object> target = map(spec.get("scaleTargetRef"));
            String stage = (String) target.get("name");
            assertThat(target).containsEntry("apiVersion", "apps/v1").containsEntry("kind", "StatefulSet");
            assertThat(statefulSet(stage)).isNotNull();
            assertThat((Integer) spec.get("maxReplicaCount")).as("no more replicas than input partitions")
                    .isBetween((Integer) spec.get("minReplicaCount"), partitions);
            assertThat(maps(spec.get("triggers"))).singleElement().satisfies(trigger -> {
                assertThat(trigger).containsEntry("type", "kafka");
                Map<String, Object> metadata = map(trigger.get("metadata"));
                assertThat(metadata.keySet()).isSubsetOf("bootstrapServers", "consumerGroup", "topic",
                        "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
                        "excludePersistentLag", "limitToPartitionsWithLag", "scaleToZeroOnInvalidOffset");
                assertThat(metadata).containsEntry("consumerGroup", groups.get(stage))
                        .containsEntry("topic", inputs.get(stage))
                        .containsEntry("bootstrapServers", config().getData().get("KAFKA_BOOTSTRAP_SERVERS"));
                assertThat((String) metadata.get("lagThreshold")).matches("[1-9][0-9]*");
            });
        }
    }

    private static void assertHttpProbe(Container container, Probe probe, String path, int port) {
        assertThat(probe).as(container.getName() + "'s probe on " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(container.getName() + ": an HTTP probe").isNotNull();
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(containerPort(container, get.getPort())).as(container.getName() + "'s probe port").isEqualTo(port);
    }

    private static int targetPort(Container container, ServicePort port) {
        return containerPort(container, port.getTargetPort() != null ? port.getTargetPort()
                : new IntOrString(port.getPort()));
    }

    /** A port given by name resolves to the container port of that name, as Kubernetes does. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(declared -> port.getStrVal().equals(declared.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
    }

    private static HasMetadata bind(Map<String, Object> document) {
        String kind = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("No model for " + kind + " here; add its fabric8 class to KINDS");
        }
        return STRICT.convertValue(document, type);
    }

    private static ConfigMap config() {
        return ofKind(ConfigMap.class).filter(map -> map.getMetadata().getName().equals("galley-config"))
                .findFirst().orElseThrow();
    }

    private static StatefulSet statefulSet(String name) {
        return ofKind(StatefulSet.class).filter(set -> set.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no StatefulSet " + name));
    }

    private static Service service(String name) {
        return ofKind(Service.class).filter(service -> service.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    private static Container container(String stage) {
        return statefulSet(stage).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + stage));
    }

    private static Map<String, String> podLabels(String stage) {
        return statefulSet(stage).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst();
    }

    private static <T extends HasMetadata> Stream<T> ofKind(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast);
    }

    private static List<Path> manifestFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    private static Map<String, Object> kustomization(Path folder) throws IOException {
        List<Map<String, Object>> documents = documents(folder.resolve("kustomization.yaml"));
        assertThat(documents).singleElement().satisfies(document ->
                assertThat(document).containsEntry("kind", "Kustomization"));
        return documents.get(0);
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> maps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(KubernetesManifestsTest::map).toList();
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
