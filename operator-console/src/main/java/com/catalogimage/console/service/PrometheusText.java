package com.catalogimage.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition ({@code /q/metrics}), parsed by hand on purpose: the stages publish their
 * Micrometer meters only in that format (no JSON endpoint, and no Prometheus server may exist where the console runs),
 * and no library on Maven Central here reads it (Prometheus's Java libraries only write it). Only what the console
 * needs: {@code name{label="value",...} number} lines; comments, timestamps and exemplars are ignored, escaped quotes
 * in label values are honoured.
 */
public final class PrometheusText {

    /** One sample: the meter's name, its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        if (text == null) {
            return samples;
        }
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Sample sample = line(line);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static Sample line(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    return null;
                }
                String key = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            if (space < 0) {
                return null;
            }
            name = line.substring(0, space);
            rest = space;
        }
        String[] tail = line.substring(Math.min(rest, line.length())).strip().split("\\s+");
        if (tail.length == 0 || tail[0].isEmpty()) {
            return null;
        }
        try {
            return new Sample(name, Map.copyOf(labels), Double.parseDouble(tail[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The sum of every sample of a meter whose labels include the given ones. */
    public static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(s.labels().get(l.getKey()))))
                .mapToDouble(Sample::value).sum();
    }
}
