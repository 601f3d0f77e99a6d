package com.catalogimage.localstack.dab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills a run's catalog before the pipeline starts: the sample catalog plus ordinary products generated
 * deterministically (same names and descriptions on every run), for the fault matrix and the benchmark. It writes into
 * the file-backed database the run's local stack opens next, so the scanner's first scan already sees all of them.
 */
public final class CatalogFiller {

    /** Ordinary products the fault matrix adds: with the sample's 43 without an image, a catalog of just over 200. */
    public static final int ORDINARY = 160;

    private record Kind(String noun, int categoryId, String tags, String use) {
    }

    // Category ids are the sample catalog's (index + 1 in SampleCatalog.CATEGORIES).
    private static final List<Kind> KINDS = List.of(
            new Kind("Crew Neck Sweater", 1, "knitwear,sweater", "layering on cool evenings"),
            new Kind("Rain Jacket", 1, "outerwear,rain", "staying dry on a city commute"),
            new Kind("Canvas Sneakers", 1, "shoes,casual", "everyday walking"),
            new Kind("Bluetooth Speaker", 2, "audio,portable", "music on the balcony"),
            new Kind("USB-C Charger", 2, "charging,usb-c", "charging a laptop and a phone at once"),
            new Kind("Desk Lamp", 2, "lighting,desk", "reading late at night"),
            new Kind("Chef's Knife", 3, "kitchen,knife", "slicing vegetables and herbs"),
            new Kind("Cast Iron Skillet", 3, "kitchen,cookware", "searing and baking"),
            new Kind("Tea Kettle", 3, "kitchen,tea", "boiling water for tea"),
            new Kind("Salad Bowl", 3, "kitchen,serving", "serving salads at the table"),
            new Kind("Caramel Fudge Box", 4, "candy,fudge", "gifting to a friend"),
            new Kind("Fruit Gummies Jar", 4, "candy,gummies", "sharing at a party"),
            new Kind("Wooden Puzzle", 5, "toys,puzzle", "quiet afternoons with children"),
            new Kind("Building Block Set", 5, "toys,blocks", "building towers and bridges"),
            new Kind("Camping Lantern", 6, "camping,lighting", "lighting a tent at night"),
            new Kind("Yoga Mat", 6, "fitness,yoga", "stretching and floor exercises"),
            new Kind("Water Bottle", 6, "hydration,outdoor", "long hikes in summer"),
            new Kind("Hand Cream", 7, "skincare,hands", "dry hands in winter"),
            new Kind("Shaving Brush", 7, "grooming,shaving", "a classic wet shave"),
            new Kind("Hair Comb", 7, "grooming,hair", "detangling long hair"));

    private static final List<String> ADJECTIVES = List.of("Classic", "Compact", "Deluxe", "Everyday", "Heritage",
            "Nordic", "Urban", "Coastal");
    private static final List<String> FINISHES = List.of("charcoal grey", "forest green", "sand beige", "navy blue",
            "terracotta", "matte black", "ivory white");
    private static final List<String> MATERIALS = List.of("recycled materials", "natural fibres", "brushed steel",
            "solid oak", "food-safe silicone", "organic cotton");

    private CatalogFiller() {
    }

    /** What the catalog holds when the pipeline starts. */
    public record Catalog(Map<Long, String> withoutImage, Map<String, Long> byLabel, List<String> notes) {
    }

    /** A product a scenario adds: a label to find it by, and the values. */
    public record Extra(String label, String name, String description, int categoryId, String tags) {
    }

    /** The sample catalog, {@link #ORDINARY} ordinary products and the scenario's own. */
    public static Catalog fill(Path folder, Consumer<Inserter> extras) {
        return fill(folder, ORDINARY, extras);
    }

    /**
     * Creates {@code <folder>/catalog/catalog} (the database file {@code LocalStack} opens) with the sample catalog,
     * {@code ordinary} generated products and the caller's own; {@code extras} may refuse rows and note why.
     */
    public static Catalog fill(Path folder, int ordinary, Consumer<Inserter> extras) {
        Path database;
        try {
            database = Files.createDirectories(folder.toAbsolutePath().resolve("catalog")).resolve("catalog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Long, String> withoutImage = new LinkedHashMap<>();
        for (SampleCatalog.Product product : SampleCatalog.PRODUCTS) {
            if (!product.hasImage()) {
                withoutImage.put(SampleCatalog.idOf(product), product.name());
            }
        }
        try (DabEmulator dab = DabEmulator.start(DabEmulator.Options.inMemory().withJdbcUrl("jdbc:h2:file:" + database))) {
            for (int i = 0; i < ordinary; i++) {
                Kind kind = KINDS.get(i % KINDS.size());
                String adjective = ADJECTIVES.get((i / KINDS.size()) % ADJECTIVES.size());
                String finish = FINISHES.get(i % FINISHES.size());
                String material = MATERIALS.get((i / 3) % MATERIALS.size());
                String name = adjective + " " + kind.noun() + " " + (100 + i);
                String description = "A " + adjective.toLowerCase() + " " + kind.noun().toLowerCase() + " in " + finish
                        + ", made from " + material + ", designed for " + kind.use() + ". Model " + (100 + i) + ".";
                BigDecimal price = BigDecimal.valueOf(499 + (i * 137L) % 9500, 2);
                long id = dab.insertProduct(name, description, kind.categoryId(), kind.tags(), price, "");
                withoutImage.put(id, name);
            }
            Inserter inserter = new Inserter(dab, withoutImage);
            extras.accept(inserter);
            return new Catalog(withoutImage, inserter.byLabel, inserter.notes);
        }
    }

    /** Inserts a scenario's own products into the catalog being filled. */
    public static final class Inserter {
        private final DabEmulator dab;
        private final Map<Long, String> withoutImage;
        private final Map<String, Long> byLabel = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        Inserter(DabEmulator dab, Map<Long, String> withoutImage) {
            this.dab = dab;
            this.withoutImage = withoutImage;
        }

        /** Inserts the product; returns false (and notes it) when the catalog refuses it. */
        public boolean insert(Extra extra) {
            try {
                long id = dab.insertProduct(extra.name(), extra.description(), extra.categoryId(), extra.tags(),
                        new BigDecimal("19.99"), "");
                withoutImage.put(id, extra.name());
                byLabel.put(extra.label(), id);
                return true;
            } catch (IllegalArgumentException refused) {
                notes.add(extra.label() + " refused by the catalog (" + firstLine(refused.getMessage()) + ")");
                return false;
            }
        }

        private static String firstLine(String message) {
            String text = message == null ? "" : message.lines().findFirst().orElse("");
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }
}
