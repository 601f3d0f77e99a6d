package com.catalogimage.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of Kustomize the manifests use, to render an overlay without a cluster or the kustomize binary: resources
 * (files and directories), {@code namespace}, {@code images} and {@code patches} (strategic merge patches matched by
 * kind and name, or applied to every resource of a {@code target} kind; JSON 6902 patches with {@code add}/{@code replace}
 * and a {@code target}). The strategic merge is Kubernetes' for the fields we patch: maps merge, lists of named items
 * (containers, env, volumes, ports) merge by name, other lists are replaced. A field of kustomization.yaml outside
 * this subset fails the parse, so the renderer can never silently ignore what kustomize would do.
 */
final class Kustomize {

    record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<Patch> patches,
                         List<Image> images) {
        Kustomization {
            resources = resources == null ? List.of() : resources;
            patches = patches == null ? List.of() : patches;
            images = images == null ? List.of() : images;
        }
    }

    record Patch(String path, Target target) {
    }

    record Target(String kind, String name) {
    }

    record Image(String name, @JsonProperty("newName") String newName, @JsonProperty("newTag") String newTag) {
    }

    private Kustomize() {
    }

    /** The rendered resources of the kustomization in {@code dir}. */
    static List<ObjectNode> render(Path dir) {
        Kustomization k;
        try {
            k = Repo.YAML.treeToValue(Repo.yamlDocuments(dir.resolve("kustomization.yaml")).get(0), Kustomization.class);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + dir.resolve("kustomization.yaml"), e);
        }
        if (!"Kustomization".equals(k.kind()) || !"kustomize.config.k8s.io/v1beta1".equals(k.apiVersion())) {
            throw new IllegalStateException(dir + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (String resource : k.resources()) {
            Path p = dir.resolve(resource).normalize();
            if (Files.isDirectory(p)) {
                resources.addAll(render(p));
            } else {
                Repo.yamlDocuments(p).forEach(doc -> resources.add((ObjectNode) doc));
            }
        }
        for (Patch patch : k.patches()) {
            apply(resources, dir.resolve(patch.path()), patch.target());
        }
        for (ObjectNode r : resources) {
            if (k.namespace() != null) {
                ((ObjectNode) r.get("metadata")).put("namespace", k.namespace());
            }
            for (Image image : k.images()) {
                containers(r).forEach(c -> {
                    String ref = c.path("image").asText();
                    String name = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
                    if (name.equals(image.name())) {
                        String tag = image.newTag() != null ? image.newTag() : ref.substring(ref.lastIndexOf(':') + 1);
                        c.put("image", (image.newName() != null ? image.newName() : name) + ":" + tag);
                    }
                });
            }
        }
        return resources;
    }

    static List<ObjectNode> containers(JsonNode resource) {
        List<ObjectNode> out = new ArrayList<>();
        resource.path("spec").path("template").path("spec").path("containers").forEach(c -> out.add((ObjectNode) c));
        return out;
    }

    private static void apply(List<ObjectNode> resources, Path file, Target target) {
        for (JsonNode patch : Repo.yamlDocuments(file)) {
            if (patch.isArray()) {
                if (target == null) {
                    throw new IllegalStateException(file + ": a JSON patch needs a target");
                }
                matching(resources, target.kind(), target.name(), file).forEach(r -> jsonPatch(r, (ArrayNode) patch, file));
            } else {
                String kind = target != null ? target.kind() : patch.path("kind").asText();
                String name = target != null ? target.name() : patch.path("metadata").path("name").asText();
                for (ObjectNode r : matching(resources, kind, name, file)) {
                    ObjectNode p = patch.deepCopy();
                    if (target != null) {
                        ((ObjectNode) p.get("metadata")).put("name", r.path("metadata").path("name").asText());
                    }
                    merge(r, p);
                }
            }
        }
    }

    private static List<ObjectNode> matching(List<ObjectNode> resources, String kind, String name, Path file) {
        List<ObjectNode> found = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .filter(r -> name == null || r.path("metadata").path("name").asText().equals(name))
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException(file + " patches " + kind + " " + name + ", which is not among the resources");
        }
        return found;
    }

    private static void jsonPatch(ObjectNode resource, ArrayNode ops, Path file) {
        for (JsonNode op : ops) {
            String verb = op.path("op").asText();
            String path = op.path("path").asText();
            if (!verb.equals("add") && !verb.equals("replace")) {
                throw new IllegalStateException(file + ": JSON patch op " + verb + " is not supported here");
            }
            int cut = path.lastIndexOf('/');
            JsonNode parent = resource.at(path.substring(0, cut));
            String last = path.substring(cut + 1);
            if (parent instanceof ObjectNode object) {
                if (verb.equals("replace") && !object.has(last)) {
                    throw new IllegalStateException(file + ": replace of missing " + path);
                }
                object.set(last, op.get("value"));
            } else if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(last);
                if (verb.equals("replace")) {
                    array.set(index, op.get("value"));
                } else {
                    array.insert(index, op.get("value"));
                }
            } else {
                throw new IllegalStateException(file + ": no " + path.substring(0, cut) + " to patch");
            }
        }
    }

    /** Strategic merge of {@code patch} into {@code target}. */
    static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode object && value.isObject()) {
                merge(object, value);
            } else if (existing instanceof ArrayNode array && value.isArray() && named(array) && named((ArrayNode) value)) {
                for (JsonNode item : value) {
                    ObjectNode same = null;
                    for (JsonNode candidate : array) {
                        if (Objects.equals(candidate.path("name").asText(), item.path("name").asText())) {
                            same = (ObjectNode) candidate;
                        }
                    }
                    if (same != null) {
                        merge(same, item);
                    } else {
                        array.add(item.deepCopy());
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        });
    }

    private static boolean named(ArrayNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return !array.isEmpty();
    }
}
