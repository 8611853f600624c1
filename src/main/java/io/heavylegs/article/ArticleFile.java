package io.heavylegs.article;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.heavylegs.codes.Symptom;
import io.heavylegs.web.Sha256;

/**
 * One article source file: YAML front matter between two {@code ---} lines, then Markdown. Parsing is strict,
 * because a typo in a date or a symptom code should stop the build's tests, not reach a reader.
 */
public record ArticleFile(FrontMatter meta, String markdown, String contentHash) {

    /**
     * Raised when the renderer's output changes for the same file (new extension, different options): it is
     * part of the content hash, so the next start-up re-renders every row.
     */
    static final String RENDER_VERSION = "3";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FrontMatter(
            String title,
            String slug,
            String summary,
            String about,
            Integer order,
            String reviewed,
            @JsonProperty("review-due") String reviewDue,
            @JsonProperty("mark-explanation") String markExplanation,
            List<Source> sources,
            List<String> related,
            List<String> symptoms) {
    }

    public record Source(String title, String url) {
    }

    public static ArticleFile parse(String fileName, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw invalid(fileName, "must start with a '---' front matter line");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            throw invalid(fileName, "front matter has no closing '---' line");
        }
        FrontMatter meta;
        try {
            meta = YAML.readValue(normalized.substring(4, end), FrontMatter.class);
        } catch (IOException e) {
            throw invalid(fileName, "front matter is not valid: " + e.getMessage());
        }
        ArticleFile file = new ArticleFile(meta, normalized.substring(end + 5), hash(normalized));
        file.validate(fileName);
        return file;
    }

    public LocalDate reviewed() {
        return LocalDate.parse(meta.reviewed());
    }

    public LocalDate reviewDue() {
        return LocalDate.parse(meta.reviewDue());
    }

    private void validate(String fileName) {
        require(fileName, "title", meta.title());
        require(fileName, "slug", meta.slug());
        require(fileName, "summary", meta.summary());
        require(fileName, "mark-explanation", meta.markExplanation());
        if (!SLUG.matcher(meta.slug()).matches() || !fileName.equals(meta.slug() + ".md")) {
            throw invalid(fileName, "slug must be lower-case words joined by '-' and match the file name");
        }
        try {
            if (!reviewDue().isAfter(reviewed())) {
                throw invalid(fileName, "review-due must be after reviewed");
            }
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(fileName, "reviewed and review-due must be dates written YYYY-MM-DD");
        }
        if (meta.sources() == null || meta.sources().isEmpty()) {
            throw invalid(fileName, "an article needs at least one source");
        }
        for (Source source : meta.sources()) {
            require(fileName, "sources.title", source.title());
            if (source.url() == null || !source.url().startsWith("https://")) {
                throw invalid(fileName, "every source needs an https:// url");
            }
        }
        for (String code : symptoms()) {
            if (Symptom.fromCode(code).isEmpty()) {
                throw invalid(fileName, "unknown symptom code '" + code + "'");
            }
        }
    }

    public List<String> related() {
        return meta.related() == null ? List.of() : meta.related();
    }

    public List<String> symptoms() {
        return meta.symptoms() == null ? List.of() : meta.symptoms();
    }

    public String about() {
        return meta.about() == null || meta.about().isBlank() ? meta.title() : meta.about();
    }

    public int order() {
        return meta.order() == null ? 100 : meta.order();
    }

    private static void require(String fileName, String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(fileName, "'" + field + "' is required");
        }
    }

    private static IllegalStateException invalid(String fileName, String problem) {
        return new IllegalStateException("Article " + fileName + ": " + problem);
    }

    /** The renderer version is part of the hash (see {@link #RENDER_VERSION}). */
    /** The content hash {@link #parse} gives the same text, without parsing it. */
    static String hashOf(String text) {
        return hash(text.replace("\r\n", "\n"));
    }

    private static String hash(String text) {
        return Sha256.hex(RENDER_VERSION + "\u0000" + text);
    }
}
