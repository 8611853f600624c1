package io.heavylegs.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.util.ClassPathUtils;

/**
 * Renders the Markdown articles once at start-up and upserts them by slug. A file whose content hash is
 * unchanged leaves its row untouched; an edited file updates it; a file that is gone unpublishes its row.
 * At start-up, when no file changed since the last sync (the usual restart), the stored rows are read in one plain
 * statement and loaded as they are: no front matter is parsed and no Hibernate query compiled (bench/RESULTS.md,
 * "Start-up").
 */
@ApplicationScoped
public class ArticleSync {

    private static final Logger LOG = Logger.getLogger(ArticleSync.class);

    /** Classpath folder of the sources: src/main/resources/articles. */
    static final String DIRECTORY = "articles";

    /** Any constant will do: it only has to be the same on every instance of the app. */
    private static final long LOCK_KEY = 0x4865617679L;

    public record Result(int created, int updated, int unchanged, int unpublished) {
    }

    /** The published rows, in the catalog's order (as {@link Article#listPublished()}), with what it shows. */
    private static final String PUBLISHED = """
            SELECT id, slug, title, summary, about, position, body_html, body_text, toc, reviewed, review_due,
                   sources, related, symptoms, mark_explanation, content_hash
            FROM article WHERE published ORDER BY position, title""";

    @Inject
    ArticleCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        Result result = syncAtStart(readSourceTexts());
        LOG.infof("Articles: %d created, %d updated, %d unchanged, %d unpublished (%d ms)", result.created(),
                result.updated(), result.unchanged(), result.unpublished(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The start-up sync of the given source texts (file name to text). When every published row's content hash is
     * that of its file and no file is new, the files are the ones the last sync parsed, checked and rendered: the
     * rows are loaded into the catalog as they are. Anything else takes the full {@link #sync(List)}.
     */
    Result syncAtStart(Map<String, String> texts) {
        Map<String, String> hashes = new HashMap<>();
        texts.forEach((name, text) -> hashes.put(name.substring(0, name.length() - ".md".length()),
                ArticleFile.hashOf(text)));
        List<Article> stored = readPublished();
        if (stored.size() == hashes.size()
                && stored.stream().allMatch(article -> Objects.equals(article.contentHash, hashes.get(article.slug)))) {
            catalog.load(stored);
            return new Result(0, 0, stored.size(), 0);
        }
        List<ArticleFile> files = parseAll(texts);
        checkLinks(files);
        return sync(files);
    }

    /** Syncs the article files packaged with the app. */
    @Transactional
    public Result sync() {
        List<ArticleFile> files = readSourceFiles();
        checkLinks(files);
        return sync(files);
    }

    /** Syncs the given files, as if they were the whole folder. Tests use it to simulate edits and removals. */
    @Transactional
    public Result sync(List<ArticleFile> files) {
        // Several instances may start together: the lock makes them take turns, so the second one finds the
        // first one's rows and leaves them untouched instead of racing it on the unique slug.
        Article.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                .setParameter("key", LOCK_KEY)
                .getSingleResult();

        Map<String, Article> existing = Article.<Article> listAll().stream()
                .collect(Collectors.toMap(a -> a.slug, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now();
        int created = 0, updated = 0, unchanged = 0, unpublished = 0;
        Set<String> present = new HashSet<>();
        for (ArticleFile file : files) {
            String slug = file.meta().slug();
            present.add(slug);
            Article article = existing.get(slug);
            if (article != null && article.published && article.contentHash.equals(file.contentHash())) {
                unchanged++;
                continue;
            }
            if (article == null) {
                article = new Article();
                article.slug = slug;
                created++;
            } else {
                updated++;
            }
            fill(article, file);
            article.updatedAt = now;
            article.persist();
        }
        for (Article article : existing.values()) {
            if (article.published && !present.contains(article.slug)) {
                article.published = false;
                article.updatedAt = now;
                unpublished++;
            }
        }
        Article.flush();
        catalog.load(Article.listPublished());
        return new Result(created, updated, unchanged, unpublished);
    }

    /** Reads and validates every Markdown file of the articles folder, in name order. */
    public static List<ArticleFile> readSourceFiles() {
        return parseAll(readSourceTexts());
    }

    private static List<ArticleFile> parseAll(Map<String, String> texts) {
        List<ArticleFile> files = new ArrayList<>();
        texts.forEach((name, text) -> files.add(ArticleFile.parse(name, text)));
        return files;
    }

    /** Every Markdown file of the articles folder: its name to its text, in name order. */
    static Map<String, String> readSourceTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            // Works both from target/classes and from inside the packaged jar.
            ClassPathUtils.consumeAsPaths(DIRECTORY, folder -> {
                try (Stream<Path> paths = Files.list(folder)) {
                    for (Path path : paths.sorted(Comparator.comparing(Path::toString)).toList()) {
                        String name = path.getFileName().toString();
                        if (name.endsWith(".md")) {
                            texts.put(name, Files.readString(path, StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the articles folder", e);
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("No articles found in the classpath folder '" + DIRECTORY + "'");
        }
        return texts;
    }

    /** The published rows in plain JDBC, outside any transaction: a read of what the last sync committed. */
    private List<Article> readPublished() {
        List<Article> articles = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(PUBLISHED)) {
            while (rows.next()) {
                Article article = new Article();
                article.id = rows.getLong("id");
                article.slug = rows.getString("slug");
                article.title = rows.getString("title");
                article.summary = rows.getString("summary");
                article.about = rows.getString("about");
                article.position = rows.getInt("position");
                article.bodyHtml = rows.getString("body_html");
                article.bodyText = rows.getString("body_text");
                article.toc = rows.getString("toc");
                article.reviewed = rows.getObject("reviewed", LocalDate.class);
                article.reviewDue = rows.getObject("review_due", LocalDate.class);
                article.sources = rows.getString("sources");
                article.related = (String[]) rows.getArray("related").getArray();
                article.symptoms = (String[]) rows.getArray("symptoms").getArray();
                article.markExplanation = rows.getString("mark_explanation");
                article.contentHash = rows.getString("content_hash");
                article.published = true;
                articles.add(article);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stored articles", e);
        }
        return articles;
    }

    private void fill(Article article, ArticleFile file) {
        MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(file.markdown());
        article.title = file.meta().title().strip();
        article.summary = file.meta().summary().strip();
        article.about = file.about().strip();
        article.position = file.order();
        article.bodyHtml = rendered.html();
        article.bodyText = rendered.text();
        article.toc = toJson(rendered.toc());
        article.reviewed = file.reviewed();
        article.reviewDue = file.reviewDue();
        article.sources = toJson(file.meta().sources());
        article.related = file.related().toArray(String[]::new);
        article.symptoms = file.symptoms().toArray(String[]::new);
        article.markExplanation = file.meta().markExplanation().strip();
        article.contentHash = file.contentHash();
        article.published = true;
    }

    /** A related slug that names no file would be a dead link on the page: refuse it early. */
    private static void checkLinks(List<ArticleFile> files) {
        Set<String> slugs = files.stream().map(f -> f.meta().slug()).collect(Collectors.toSet());
        if (slugs.size() != files.size()) {
            throw new IllegalStateException("Two article files share a slug");
        }
        for (ArticleFile file : files) {
            for (String related : file.related()) {
                if (!slugs.contains(related)) {
                    throw new IllegalStateException(
                            "Article " + file.meta().slug() + " lists an unknown related slug '" + related + "'");
                }
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Article data always serialises", e);
        }
    }
}
