package org.mempred.lab.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.mempred.lab.Machine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link CompactionCostModel} every simulated run uses, with where and when it was measured.
 *
 * <p>{@code mempred calibrate} measures the model's constants on the machine it runs on
 * ({@link MemmoveCalibration}, about a second) and writes them with the date and a description of
 * the machine to a small JSON file:
 *
 * <pre>
 *   {"fixedNanos": F, "perBlockNanos": B, "bytesPerNano": R,
 *    "measuredAt": "YYYY-MM-DDThh:mm:ssZ", "machine": "Linux ... N processors, JVM ...",
 *    "command": "mempred calibrate --out ..."}
 * </pre>
 *
 * <p>Simulations do not measure the constants themselves: a compaction's modelled duration keeps
 * the heap busy in virtual time and so moves every later event, and a constant measured afresh
 * in each process (timings are noisy, the more so on a shared machine) would make a seed's figures differ from run to run and machine to machine. So the file produced
 * by {@code mempred calibrate} is committed as the resource {@link #RESOURCE} and read once
 * ({@link #shipped()}): every run in every process uses the same measured constants, reports
 * print them with their date and machine, and re-running {@code mempred calibrate} (then
 * re-running the reports) is how they change. Nothing here is typed by hand.
 *
 * @param model the measured constants
 * @param measuredAt when they were measured (UTC, seconds)
 * @param machine the machine they were measured on
 * @param command the command that measured them
 */
public record Calibration(CompactionCostModel model, Instant measuredAt, String machine, String command) {
    /** Where the committed calibration lives on the class path (lab/src/main/resources). */
    public static final String RESOURCE = "/org/mempred/lab/sim/compaction-calibration.json";

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Checks the fields. */
    public Calibration {
        if (model == null || measuredAt == null || machine == null || machine.isBlank() || command == null) {
            throw new IllegalArgumentException("a calibration needs its model, measuredAt and machine: model=" + model
                    + ", measuredAt=" + measuredAt + ", machine='" + machine + "'");
        }
    }

    /** The committed calibration every simulation uses (read once). */
    public static Calibration shipped() {
        return Shipped.CALIBRATION;
    }

    /** Measures the constants on this machine now (about a second), as {@code command} ran it. */
    public static Calibration measure(String command) {
        return new Calibration(
                MemmoveCalibration.measure(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Machine.describe(),
                command);
    }

    /** The calibration as a JSON object (the file's content, and what reports record). */
    public ObjectNode json() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("fixedNanos", model.fixedNanos());
        node.put("perBlockNanos", model.perBlockNanos());
        node.put("bytesPerNano", model.bytesPerNano());
        node.put("measuredAt", measuredAt.toString());
        node.put("machine", machine);
        node.put("command", command);
        return node;
    }

    /** The calibration in words, for reports. */
    public String describe() {
        return model.describe() + " (measured by `" + command + "` at " + measuredAt + " on " + machine + ")";
    }

    /** The calibration file's text: {@link #json()}, indented, with a final newline. */
    public String text() {
        return MAPPER.writeValueAsString(json()) + "\n";
    }

    /**
     * Reads a calibration file's text.
     *
     * @param source the file's name, for messages
     * @throws IllegalArgumentException naming the source and the field when the text is not a calibration
     */
    public static Calibration parse(String text, String source) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return new Calibration(
                    new CompactionCostModel(
                            field(node, "fixedNanos", source).asLong(),
                            number(node, "perBlockNanos", source),
                            number(node, "bytesPerNano", source)),
                    Instant.parse(field(node, "measuredAt", source).asString()),
                    field(node, "machine", source).asString(),
                    field(node, "command", source).asString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name, String source) {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "' in " + source);
        }
        return field;
    }

    private static double number(JsonNode node, String name, String source) {
        JsonNode field = field(node, name, source);
        if (!field.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "'=" + field + " is not a number in " + source);
        }
        return field.asDouble();
    }

    /** Holds the committed calibration, read when first asked for. */
    private static final class Shipped {
        static final Calibration CALIBRATION = read();

        private static Calibration read() {
            try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the calibration resource " + RESOURCE
                            + " is missing: run `mempred calibrate --out lab/src/main/resources" + RESOURCE + "`");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
