package dev.capstan.projects.control;

import dev.capstan.access.entity.User;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.environments.entity.EnvironmentInput.OverrideInput;
import dev.capstan.environments.entity.EnvironmentInput.TargetInput;
import dev.capstan.environments.entity.TargetKind;
import dev.capstan.environments.entity.Tier;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.Codes;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.projects.entity.HealthEndpoint;
import dev.capstan.projects.entity.MemberInput;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ProjectInput;
import dev.capstan.projects.entity.ProjectRole;
import dev.capstan.projects.entity.ServiceInput;
import dev.capstan.projects.entity.ServiceInput.EndpointInput;
import dev.capstan.projects.entity.ServiceInput.SmokeCheckInput;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A whole project as a YAML file (config as code), format version {@value ProjectDocument#FORMAT_VERSION}.
 * <p>
 * {@link #write} gives one canonical text per document (fixed key order, sorted lists, empty and
 * default values left out), so files diff cleanly and {@code write(read(write(d)))} equals
 * {@code write(d)}. {@link #read} reports every problem of a file at once, each prefixed with the
 * line and column it is at, and checks each service, environment and member with the domain's own
 * rules so that their messages point into the file too. It composes the file to nodes only: no
 * Java object is ever constructed from a file's tags. Stateless: one instance may serve every caller.
 */
public final class ProjectYaml {

    /** The largest file read, in characters (code points): 256 Ki, four times a project of the most services with every field filled. */
    public static final int MAX_CODE_POINTS = 256 * 1024;
    /** The largest file read, in bytes: UTF-8 takes up to four bytes a character. */
    public static final int MAX_BYTES = 4 * MAX_CODE_POINTS;
    /** The most problems one answer lists: enough to fix a file by, not a megabyte of them. */
    private static final int MAX_PROBLEMS = 100;
    /** A YAML bomb multiplies lists through aliases; a project file needs few, if any. */
    private static final int MAX_ALIASES = 10;

    /** The most items each list may hold, as the domain allows: a file of 20,000 services is refused before any is read. */
    private static final Map<String, Integer> MAX_ITEMS = Map.of("services", Project.MAX_SERVICES,
            "environments", Project.MAX_ENVIRONMENTS, "members", Project.MAX_MEMBERS,
            "smokeChecks", ServiceInput.MAX_SMOKE_CHECKS, "overrides", Project.MAX_SERVICES, "expectations", HealthEndpoint.MAX_EXPECTATIONS);

    private static final List<String> FILE_KEYS = List.of("capstan", "project", "services", "environments", "members");
    private static final List<String> PROJECT_KEYS = List.of("key", "name", "description", "owningTeam", "archived");
    private static final List<String> SERVICE_KEYS = List.of("name", "kind", "essential", "image", "sourceRepository", "defaultRef",
            "deployOrder", "liveness", "readiness", "smokeChecks");
    private static final List<String> ENDPOINT_KEYS = List.of("url", "status", "expectations");
    private static final List<String> SMOKE_CHECK_KEYS = List.of("method", "path", "status", "bodyContains");
    private static final List<String> ENVIRONMENT_KEYS = List.of("name", "tier", "baseUrl", "target", "overrides");
    private static final List<String> TARGET_KEYS = List.of("kind", "version", "settings");
    private static final List<String> OVERRIDE_KEYS = List.of("service", "disabled", "livenessUrl", "readinessUrl");
    private static final List<String> MEMBER_KEYS = List.of("username", "role", "productionDeploys");


    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    /** A setting value written as a YAML number: the text it reads back as is the same. */
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private static final Comparator<String> NAMES = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<ServiceInput> DEPLOY_ORDER = Comparator
            .comparingInt((ServiceInput s) -> s.deployOrder() == null ? ServiceInput.DEFAULT_DEPLOY_ORDER : s.deployOrder())
            .thenComparing(ServiceInput::name, NAMES);
    private static final Comparator<EnvironmentInput> TIER_ORDER = Comparator
            .comparingInt((EnvironmentInput e) -> tierRank(e.tier())).thenComparing(EnvironmentInput::name, NAMES);

    // --- writing

    public String write(ProjectDocument document) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("capstan", ProjectDocument.FORMAT_VERSION);
        file.put("project", project(document.project(), document.archived()));
        put(file, "services", document.services().stream().sorted(DEPLOY_ORDER).map(ProjectYaml::service).toList());
        put(file, "environments", document.environments().stream().sorted(TIER_ORDER).map(ProjectYaml::environment).toList());
        put(file, "members", document.members().stream().sorted(Comparator.comparing(MemberInput::username, NAMES))
                .map(ProjectYaml::member).toList());
        return dumper().dump(file);
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        // One value per line, however long: a change to a value is a change to one line of the diff.
        options.setSplitLines(false);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    }

    private static Map<String, Object> project(ProjectInput project, boolean archived) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "key", project.key());
        put(map, "name", project.name());
        put(map, "description", project.description());
        put(map, "owningTeam", project.owningTeam());
        put(map, "archived", archived);
        return map;
    }

    private static Map<String, Object> service(ServiceInput service) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "name", service.name());
        put(map, "kind", service.kind());
        put(map, "essential", service.essential());
        put(map, "image", service.image());
        put(map, "sourceRepository", service.sourceRepository());
        put(map, "defaultRef", service.defaultRef());
        put(map, "deployOrder", service.deployOrder());
        put(map, "liveness", endpoint(service.liveness()));
        put(map, "readiness", endpoint(service.readiness()));
        put(map, "smokeChecks", stream(service.smokeChecks()).map(ProjectYaml::smokeCheck).toList());
        return map;
    }

    private static Map<String, Object> endpoint(EndpointInput endpoint) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (endpoint != null) {
            put(map, "url", endpoint.url());
            put(map, "status", endpoint.status());
            put(map, "expectations", stream(endpoint.expectations()).filter(e -> e != null && !e.isBlank()).toList());
        }
        return map;
    }

    private static Map<String, Object> smokeCheck(SmokeCheckInput check) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "method", check.method());
        put(map, "path", check.path());
        put(map, "status", check.status());
        put(map, "bodyContains", check.bodyContains());
        return map;
    }

    private static Map<String, Object> environment(EnvironmentInput environment) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "name", environment.name());
        put(map, "tier", environment.tier());
        put(map, "baseUrl", environment.baseUrl());
        put(map, "target", target(environment.target()));
        put(map, "overrides", stream(environment.overrides()).sorted(Comparator.comparing(OverrideInput::service, NAMES)).map(ProjectYaml::override).toList());
        return map;
    }

    private static Map<String, Object> target(TargetInput target) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean none = target == null || target.kind() == null || target.kind().isBlank()
                || target.kind().strip().equalsIgnoreCase(Codes.code(TargetKind.NONE));
        if (!none) {
            map.put("kind", target.kind());
            map.put("version", TargetKind.SETTINGS_VERSION);
            Map<String, Object> settings = new TreeMap<>();
            (target.settings() == null ? Map.<String, String>of() : target.settings())
                    .forEach((name, value) -> put(settings, name, setting(value)));
            put(map, "settings", settings);
        }
        return map;
    }

    /** Numbers and flags unquoted ({@code port: 2222}); they read back as the same text. */
    private static Object setting(String value) {
        if (value != null && CANONICAL_NUMBER.matcher(value).matches()) {
            return Integer.valueOf(value);
        }
        return "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : value;
    }

    private static Map<String, Object> override(OverrideInput override) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "service", override.service());
        put(map, "disabled", override.disabled());
        put(map, "livenessUrl", override.livenessUrl());
        put(map, "readinessUrl", override.readinessUrl());
        return map;
    }

    private static Map<String, Object> member(MemberInput member) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "username", member.username());
        put(map, "role", member.role());
        put(map, "productionDeploys", member.productionDeploys());
        return map;
    }

    /** Leaves out what reads back as absent or as the default: null, blank, empty, false. */
    private static void put(Map<String, Object> map, String key, Object value) {
        boolean absent = value == null || Boolean.FALSE.equals(value)
                || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> collection && collection.isEmpty()
                || value instanceof Map<?, ?> nested && nested.isEmpty();
        if (!absent) {
            map.put(key, value);
        }
    }

    private static <T> Stream<T> stream(List<T> items) {
        return items == null ? Stream.empty() : items.stream();
    }

    private static int tierRank(String tier) {
        return Arrays.stream(Tier.values()).filter(t -> Codes.code(t).equalsIgnoreCase(tier == null ? "" : tier.strip()))
                .mapToInt(Tier::ordinal).findFirst().orElse(Tier.values().length);
    }

    // --- reading

    /** @throws InvalidInputException naming every problem, each message starting {@code line L, column C: } */
    public ProjectDocument read(String yaml) {
        return new Reading().document(yaml);
    }

    /** One reading of one file: the problems found so far, and where each value of the file is. */
    private static final class Reading {

        private final List<Problem> problems = new ArrayList<>();
        /** The start of each value by its path in the file ({@code services[2].kind}), to place the domain's messages. */
        private final Map<String, Mark> marks = new HashMap<>();

        ProjectDocument document(String yaml) {
            Node root = compose(yaml);
            if (root == null || isNull(root)) {
                throw new InvalidInputException(List.of(new FieldError("capstan",
                        "line 1, column 1: the file is empty; a project file starts with capstan: " + ProjectDocument.FORMAT_VERSION)));
            }
            marks.put("", root.getStartMark());
            Section file = section("", root, FILE_KEYS);
            if (file == null) {
                throw failure();
            }
            Integer version = file.required("capstan", "the format version, capstan: " + ProjectDocument.FORMAT_VERSION)
                    ? file.number("capstan") : null;
            if (version != null && version != ProjectDocument.FORMAT_VERSION) {
                // Another version has another schema: the file's other "problems" would only mislead.
                problems.clear();
                add("capstan", file.value("capstan"), "this file is in format version " + version
                        + "; this Capstan reads version " + ProjectDocument.FORMAT_VERSION + ".");
                throw failure();
            }
            Section project = file.required("project", "the project's key and name") ? file.section("project", PROJECT_KEYS) : null;
            ProjectInput projectInput = project == null ? new ProjectInput(null, null, null, null) : project(project);
            boolean archived = project != null && Boolean.TRUE.equals(project.flag("archived"));
            Set<String> serviceNames = new HashSet<>();
            List<ServiceInput> services = file.sections("services", SERVICE_KEYS, s -> service(s, serviceNames));
            Set<String> environmentNames = new HashSet<>();
            List<EnvironmentInput> environments = file.sections("environments", ENVIRONMENT_KEYS,
                    e -> environment(e, environmentNames, serviceNames));
            Set<String> usernames = new HashSet<>();
            List<MemberInput> members = file.sections("members", MEMBER_KEYS, m -> member(m, usernames));
            if (!problems.isEmpty()) {
                throw failure();
            }
            return new ProjectDocument(projectInput, archived, services, environments, members);
        }

        private Node compose(String yaml) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setCodePointLimit(MAX_CODE_POINTS);
            try {
                return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
            } catch (MarkedYAMLException broken) {
                Mark at = broken.getProblemMark() != null ? broken.getProblemMark() : broken.getContextMark();
                String context = broken.getContext() == null || broken.getContextMark() == null ? ""
                        : " (" + broken.getContext() + " at " + position(broken.getContextMark()) + ")";
                throw new InvalidInputException(List.of(new FieldError(null,
                        position(at) + ": this is not valid YAML: " + broken.getProblem() + context)));
            } catch (YAMLException refused) {
                // The limits carry no position: the file as a whole is refused.
                throw new InvalidInputException(List.of(new FieldError(null, "Capstan refuses this file: "
                        + refused.getMessage().replaceFirst("\\.$", "") + ". A project file has at most " + MAX_CODE_POINTS
                        + " characters and at most " + MAX_ALIASES + " aliases (*name) of lists or maps; the limits keep out "
                        + "YAML bombs, which multiply a few lines into millions of values.")));
            }
        }

        private ProjectInput project(Section project) {
            project.required("key", "the project's key, like korrigo");
            ProjectInput input = new ProjectInput(project.text("key"), project.text("name"), project.text("description"),
                    project.text("owningTeam"));
            // The project's own rules, checked by creating a throwaway entity: they are not public otherwise.
            check(project.path, () -> Project.create(input, Instant.EPOCH));
            return input;
        }

        private ServiceInput service(Section service, Set<String> names) {
            ServiceInput input = new ServiceInput(service.text("name"), service.text("kind"), service.flag("essential"),
                    service.text("image"), service.text("sourceRepository"), service.text("defaultRef"), service.number("deployOrder"),
                    endpoint(service.section("liveness", ENDPOINT_KEYS)), endpoint(service.section("readiness", ENDPOINT_KEYS)),
                    service.sections("smokeChecks", SMOKE_CHECK_KEYS, c -> new SmokeCheckInput(c.text("method"),
                            c.text("path"), c.number("status"), c.text("bodyContains"))));
            check(service.path, input::validate);
            unique(service, "name", input.name(), names, "A service");
            return input;
        }

        private static EndpointInput endpoint(Section endpoint) {
            return endpoint == null ? null
                    : new EndpointInput(endpoint.text("url"), endpoint.number("status"), endpoint.texts("expectations"));
        }

        private EnvironmentInput environment(Section environment, Set<String> names, Set<String> serviceNames) {
            Section target = environment.section("target", TARGET_KEYS);
            EnvironmentInput input = new EnvironmentInput(environment.text("name"), environment.text("tier"),
                    environment.text("baseUrl"), target == null ? null : target(target),
                    environment.sections("overrides", OVERRIDE_KEYS, o -> new OverrideInput(o.text("service"),
                            o.flag("disabled"), o.text("livenessUrl"), o.text("readinessUrl"))));
            check(environment.path, () -> input.validate(serviceNames));
            unique(environment, "name", input.name(), names, "An environment");
            return input;
        }

        private TargetInput target(Section target) {
            // Required so that a file written before the settings layout changes is never read as the new layout.
            Integer version = target.required("version", "the settings version, version: " + TargetKind.SETTINGS_VERSION)
                    ? target.number("version") : null;
            if (version != null && version != TargetKind.SETTINGS_VERSION) {
                add(target.path + ".version", target.value("version"), "target settings version " + version
                        + " is not one this Capstan reads; it reads version " + TargetKind.SETTINGS_VERSION + ".");
            }
            Section settings = target.section("settings", null);
            return new TargetInput(target.text("kind"), settings == null ? Map.of() : settings.allTexts());
        }

        private MemberInput member(Section member, Set<String> usernames) {
            MemberInput input = new MemberInput(member.text("username"), member.text("role"), member.flag("productionDeploys"));
            check(member.path, () -> User.normalizeUsername(input.username()));
            check(member.path, () -> Codes.parse(ProjectRole.class, "role", "project role", input.role()));
            unique(member, "username", input.username(), usernames, "A member");
            return input;
        }

        private void unique(Section section, String key, String name, Set<String> seen, String what) {
            if (name != null && !seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                add(section.at(key), section.value(key), what + " named " + name.strip() + " is in the file already.");
            }
        }

        /** Runs a domain check, placing each of its messages at the value it is about, or the nearest one the file has. */
        private void check(String path, Runnable check) {
            try {
                check.run();
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(error -> addAtField(path, error.field(), error.message()));
            } catch (BusinessRuleException refused) {
                addAtField(path, refused.field().orElse(null), refused.getMessage());
            }
        }

        private void addAtField(String path, String field, String message) {
            // The file's keys are the input records' field names, so the domain's messages point into the file as they are.
            String located = field == null ? path : path + "." + field;
            if (problems.stream().anyMatch(p -> p.path().equals(located))) {
                return; // the file's own problem with this value (missing, wrong type) says it already
            }
            String nearest = located;
            while (!marks.containsKey(nearest)) {
                nearest = nearest.substring(0, Math.max(0, Math.max(nearest.lastIndexOf('.'), nearest.lastIndexOf('['))));
            }
            problems.add(new Problem(located, marks.get(nearest), message));
        }

        private void add(String path, Node node, String message) {
            problems.add(new Problem(path, node.getStartMark(), message));
        }

        private InvalidInputException failure() {
            List<FieldError> errors = new ArrayList<>(problems.stream()
                    .sorted(Comparator.comparingInt((Problem p) -> p.at().getLine()).thenComparingInt(p -> p.at().getColumn()))
                    .limit(MAX_PROBLEMS)
                    .map(p -> new FieldError(p.path().isEmpty() ? null : p.path(), position(p.at()) + ": " + p.message()))
                    .toList());
            if (problems.size() > MAX_PROBLEMS) {
                errors.add(new FieldError(null, "and " + (problems.size() - MAX_PROBLEMS) + " more problems after these; fix these first."));
            }
            return new InvalidInputException(errors);
        }

        /** The node at {@code path}, as a section with {@code keys}; null (with a problem) when it is not a map. */
        private Section section(String path, Node node, List<String> keys) {
            if (node instanceof MappingNode map) {
                return new Section(path, map, keys);
            }
            if (!isNull(node)) {
                add(path, node, "expected a map (key: value lines) here, not " + shape(node) + ".");
            }
            return null;
        }

        /** One map of the file: its keys checked against the expected ones, its values read by key. */
        private final class Section {

            final String path;
            private final MappingNode node;
            private final Map<String, Node> values = new LinkedHashMap<>();

            /** @param keys the keys it may have; null when any key goes (target settings) */
            Section(String path, MappingNode node, List<String> keys) {
                this.path = path;
                this.node = node;
                for (NodeTuple tuple : node.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                        add(path, tuple.getKeyNode(), "a key is a single word, like name, not " + shape(tuple.getKeyNode()) + ".");
                        continue;
                    }
                    String key = keyNode.getValue();
                    if (keys != null && !keys.contains(key)) {
                        add(at(key), keyNode, "unknown key '" + key + "'; expected one of " + String.join(", ", keys) + ".");
                    } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                        add(at(key), keyNode, "the key '" + key + "' is here twice.");
                    } else {
                        marks.put(at(key), tuple.getValueNode().getStartMark());
                    }
                }
            }

            /** The path of the value under {@code key}: {@code services[2].kind}. */
            String at(String key) {
                return path.isEmpty() ? key : path + "." + key;
            }

            /** The value under {@code key}, or the map itself when the key is missing: where a problem with it is shown. */
            Node value(String key) {
                return values.getOrDefault(key, node);
            }

            /** @param what what the key holds, to say what is missing */
            boolean required(String key, String what) {
                Node value = values.get(key);
                if (value == null || isNull(value)) {
                    add(at(key), value == null ? node : value, "missing required key '" + key + "': " + what + ".");
                    return false;
                }
                return true;
            }

            String text(String key) {
                return text(key, values.get(key));
            }

            private String text(String key, Node value) {
                if (value == null || isNull(value)) {
                    return null;
                }
                if (value instanceof ScalarNode scalar) {
                    return scalar.getValue();
                }
                add(at(key), value, "expected a single value here, not " + shape(value) + ".");
                return null;
            }

            Integer number(String key) {
                String text = text(key);
                if (text == null) {
                    return null;
                }
                if (WHOLE_NUMBER.matcher(text.strip()).matches()) {
                    return Integer.valueOf(text.strip());
                }
                add(at(key), value(key), "'" + text + "' is not a whole number.");
                return null;
            }

            Boolean flag(String key) {
                String text = text(key);
                if (text == null) {
                    return null;
                }
                return switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> {
                        add(at(key), value(key), "'" + text + "' is not true or false.");
                        yield null;
                    }
                };
            }

            Section section(String key, List<String> keys) {
                Node value = values.get(key);
                return value == null ? null : Reading.this.section(at(key), value, keys);
            }

            /** Every value as text, whatever its YAML type ({@code port: 2222} is "2222"). */
            Map<String, String> allTexts() {
                Map<String, String> texts = new LinkedHashMap<>();
                values.forEach((key, value) -> texts.put(key, text(key, value)));
                return texts;
            }

            /** The items of the list under {@code key}, with their places recorded as {@code key[i]}. */
            private List<Node> items(String key) {
                Node value = values.get(key);
                if (value == null || isNull(value)) {
                    return List.of();
                }
                String at = at(key);
                if (!(value instanceof SequenceNode list)) {
                    add(at, value, "expected a list (lines starting with -) here, not " + shape(value) + ".");
                    return List.of();
                }
                int most = MAX_ITEMS.getOrDefault(key, Integer.MAX_VALUE);
                if (list.getValue().size() > most) {
                    add(at, value, "at most " + most + " " + key + " are allowed here; this list has " + list.getValue().size() + ".");
                    return List.of();
                }
                for (int i = 0; i < list.getValue().size(); i++) {
                    marks.put(at + "[" + i + "]", list.getValue().get(i).getStartMark());
                }
                return list.getValue();
            }

            <T> List<T> sections(String key, List<String> keys, Function<Section, T> reader) {
                List<T> read = new ArrayList<>();
                List<Node> items = items(key);
                for (int i = 0; i < items.size(); i++) {
                    Section item = Reading.this.section(at(key) + "[" + i + "]", items.get(i), keys);
                    if (item != null) {
                        read.add(reader.apply(item));
                    }
                }
                return read;
            }

            List<String> texts(String key) {
                List<String> texts = new ArrayList<>();
                List<Node> items = items(key);
                for (int i = 0; i < items.size(); i++) {
                    String text = text(key + "[" + i + "]", items.get(i));
                    if (text != null) {
                        texts.add(text);
                    }
                }
                return texts;
            }
        }
    }

    private record Problem(String path, Mark at, String message) {
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String shape(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        return node instanceof SequenceNode ? "a list" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
