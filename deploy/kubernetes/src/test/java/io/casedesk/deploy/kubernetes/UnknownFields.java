package io.casedesk.deploy.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fields a typed model did not recognise. Fabric8's and Strimzi's models keep unknown YAML fields in
 * {@code additionalProperties} instead of failing, so a misspelt field ({@code readinesProbe}) or one in the
 * wrong place parses quietly; this walk over the parsed object reports every such field with its path.
 */
final class UnknownFields {

    /** Kubernetes' own and Gateway API's models, the Prometheus Operator's (PodMonitor), Strimzi's. */
    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model",
            "io.fabric8.openshift.api.model.monitoring", "io.strimzi.api");

    private UnknownFields() {
    }

    static List<String> of(Object model) {
        // A set: some models reach one object through two getters.
        Set<String> found = new LinkedHashSet<>();
        walk(model, "", found, 0);
        return new ArrayList<>(found);
    }

    private static void walk(Object value, String path, Set<String> found, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found, depth + 1));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object result;
            try {
                result = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (result instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    unknown.keySet().forEach(key -> found.add(path + "." + key));
                }
            } else {
                walk(result, path + "." + property(getter), found, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return MODEL_PACKAGES.stream().anyMatch(name::startsWith) && !type.isEnum();
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && !method.getName().equals("getClass")
                && isModel(method.getDeclaringClass());
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
